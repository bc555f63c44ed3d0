using Evaluation.Host.Platform.Board;

namespace Evaluation.Host.Tests.Platform.Board;

public sealed class HtmlTests
{
    [Fact]
    public void Text_IsEncoded_WhenItHoldsMarkup()
    {
        var html = new Html().Element("td", "<script>alert('x')</script> & co", ("title", "\"><img src=x onerror=alert(1)>")).ToString();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><img", html, StringComparison.Ordinal);
        Assert.StartsWith("<td title=\"&quot;&gt;&lt;img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_KeepsDanishLetters_WhenTheyNeedNoEncoding()
    {
        Assert.Equal("<td>København æøå</td>", new Html().Cell("København æøå").ToString());
    }

    [Fact]
    public void Open_LeavesOutAttributes_WhenTheirValueIsNull()
    {
        Assert.Equal("<tr>", new Html().Open("tr", ("class", null)).ToString());
    }

    [Fact]
    public void ColumnHeader_HasColumnScope()
    {
        Assert.Equal("<th scope=\"col\">Forløb</th>", new Html().ColumnHeader("Forløb").ToString());
    }
}
