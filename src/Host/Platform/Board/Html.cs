using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Evaluation.Host.Platform.Board;

/// <summary>
/// A small HTML writer for the manager pages: every text and attribute value goes through the HTML
/// encoder, so a course id or file name can never become markup. Tag and attribute names are the
/// page code's own constants.
/// </summary>
public sealed class Html
{
    // Danish letters stay readable in the page source; everything that could break markup is encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder text;
    private readonly StringWriter writer;

    public Html()
    {
        text = new StringBuilder(64 * 1024);
        writer = new StringWriter(text, CultureInfo.InvariantCulture);
    }

    public override string ToString() => text.ToString();

    /// <summary>An opening tag with attributes; an attribute whose value is null is left out.</summary>
    public Html Open(string tag, params (string Name, string? Value)[] attributes)
    {
        text.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                text.Append(' ').Append(name).Append("=\"");
                Encoder.Encode(writer, value);
                text.Append('"');
            }
        }

        text.Append('>');
        return this;
    }

    public Html Close(string tag)
    {
        text.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public Html Element(string tag, string? content, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(content).Close(tag);

    public Html Text(string? content)
    {
        if (!string.IsNullOrEmpty(content))
        {
            Encoder.Encode(writer, content);
        }

        return this;
    }

    public Html Link(string href, string content, params (string Name, string? Value)[] attributes) =>
        Open("a", [("href", href), .. attributes]).Text(content).Close("a");

    /// <summary>A header cell for a column (<c>scope="col"</c>), so screen readers announce it with each cell.</summary>
    public Html ColumnHeader(string content, string? cssClass = null) => Element("th", content, ("scope", "col"), ("class", cssClass));

    /// <summary>A header cell that names its row (<c>scope="row"</c>).</summary>
    public Html RowHeader(string content, string? cssClass = null) => Element("th", content, ("scope", "row"), ("class", cssClass));

    public Html Cell(string? content, string? cssClass = null) => Element("td", content, ("class", cssClass));

    /// <summary>Fixed markup written by the page code itself (the doctype, the style sheet); never data.</summary>
    internal Html Trusted(string markup)
    {
        text.Append(markup);
        return this;
    }
}
