using System.Buffers;
using System.Globalization;
using System.Text;

namespace Evaluation.Ingest.Reading;

/// <summary>
/// One cell as read: text from CSV, or a typed value from an XLSX sheet (number, date, boolean).
/// A tagged value in the manner of ClosedXML's XLCellValue.
/// </summary>
public readonly record struct Cell
{
    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u200B\u200C\u200D\u2060\uFEFF\u00AD");

    private readonly object? value;

    private Cell(object? value) => this.value = value;

    public static Cell Empty => default;

    public static Cell FromText(string? text) => new(text is null ? null : Clean(text) is { Length: > 0 } clean ? clean : null);

    /// <summary>
    /// Text as a person reads it: without surrounding white space, without invisible characters
    /// (zero-width spaces, word joiners, soft hyphens, byte-order marks, which copying from web pages
    /// and mail leaves behind and which would make two equal-looking ids differ), and composed
    /// (NFC), so that an "Å" typed on a Mac (A + ring) is the same municipality as one typed on
    /// Windows. Plain ASCII, nearly every cell, is only trimmed.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (Ascii.IsValid(trimmed))
        {
            return trimmed;
        }

        if (trimmed.AsSpan().IndexOfAny(Invisible) >= 0)
        {
            trimmed = string.Concat(trimmed.Where(c => !Invisible.Contains(c))).Trim();
        }

        try
        {
            return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return trimmed; // a lone surrogate (an _xD800_ escape in a workbook) has no normal form; the text stays as it is
        }
    }

    public static Cell FromObject(object? value) => value switch
    {
        null or DBNull => Empty,
        string s => FromText(s),
        DateTime d => new(d),
        double d => new(d),
        bool b => new(b),
        IConvertible c => new(c.ToDouble(CultureInfo.InvariantCulture)),
        _ => FromText(value.ToString()),
    };

    /// <summary>An Excel error cell (<c>#N/A</c>, <c>#DIV/0!</c>, <c>#REF!</c> …): a bad value, never an empty one.</summary>
    public static Cell FromError(string code) => new(new ExcelError(code, null));

    /// <summary>
    /// A cell whose read value would mislead (a formula without a stored result, a cell covered by a
    /// merge): a bad value shown as <paramref name="shown"/>, quarantined with <paramref name="reason"/>.
    /// </summary>
    public static Cell FromBadValue(string shown, string reason) => new(new ExcelError(shown, reason));

    public bool IsEmpty => value is null;

    public bool IsError => value is ExcelError;

    /// <summary>Why a bad value (<see cref="FromBadValue"/>) is bad; null for an ordinary Excel error cell and any other cell.</summary>
    public string? ErrorReason => value is ExcelError e ? e.Reason : null;

    public bool IsNumber => value is double;

    public bool IsDate => value is DateTime;

    public bool IsBoolean => value is bool;

    public double GetNumber() => (double)value!;

    public DateTime GetDate() => (DateTime)value!;

    public bool GetBoolean() => (bool)value!;

    /// <summary>The cell as text, as a person would read it (numbers without exponent, dates ISO).</summary>
    public string Text => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        ExcelError e => e.Code,
        _ => value.ToString() ?? "",
    };

    public override string ToString() => Text;

    private sealed record ExcelError(string Code, string? Reason);
}
