using Evaluation.Host.Platform.Board;
using Microsoft.AspNetCore.Http;

namespace Evaluation.Host.Tests.Platform.Board;

public sealed class BoardPageTests
{
    private static HttpContext Request(string path, string query, string? cookie = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = $"{BoardPage.LanguageCookie}={cookie}";
        }

        return http;
    }

    [Fact]
    public void Language_IsDanish_WhenNothingIsAsked()
    {
        Assert.Equal("da", new BoardPage(Request("/", ""), false).Language);
    }

    [Fact]
    public void Language_IsEnglishAndRemembered_WhenAskedInTheQuery()
    {
        var http = Request("/phases", "?lang=en");

        var page = new BoardPage(http, false);

        Assert.Equal("en", page.Language);
        Assert.Contains($"{BoardPage.LanguageCookie}=en", http.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Language_ComesFromTheCookie_WhenTheQueryHasNone()
    {
        Assert.Equal("en", new BoardPage(Request("/", "", cookie: "en"), false).Language);
    }

    [Fact]
    public void SwitchUrl_KeepsTheFilters_AndGivesTheOtherLanguage()
    {
        var page = new BoardPage(Request("/phases", "?lang=da&municipality=K%C3%B8benhavn&worker=KBH-1"), false);

        Assert.Equal("/phases?lang=en&municipality=K%C3%B8benhavn&worker=KBH-1", page.SwitchUrl());
    }

    [Fact]
    public void Date_IsWrittenDayMonthYear_InEitherLanguage()
    {
        Assert.Equal("05-03-2026", BoardPage.Date(new DateOnly(2026, 3, 5)));
    }

    [Theory]
    [InlineData("da", "82,5")]
    [InlineData("en", "82.5")]
    public void Number_FollowsTheLanguage(string language, string expected)
    {
        Assert.Equal(expected, new BoardPage(Request("/", "?lang=" + language), false).Number(82.46));
    }

    [Theory]
    [InlineData("c1", "da", "Kontakt til borgeren er skabt, og et eller flere indledende møder er holdt")]
    [InlineData("p2_4", "en", "Network strengthening begun")]
    [InlineData("a4", "da", "Ansvaret for den langsigtede støtte er forankret hos én person i støttenetværket")]
    [InlineData("zz", "da", "zz")]
    public void ChecklistTexts_NameTheItem_InTheLanguage(string code, string language, string text)
    {
        Assert.Equal(text, ChecklistTexts.Of(code, language));
    }

    [Fact]
    public void ChecklistTexts_CoverEveryItemOfEveryChecklist()
    {
        foreach (var kind in Enum.GetValues<Evaluation.Domain.Values.ChecklistKind>())
        {
            foreach (var code in Evaluation.Domain.Courses.ChecklistItems.Of(kind))
            {
                Assert.NotEqual(code, ChecklistTexts.Of(code, "da"));
                Assert.NotEqual(code, ChecklistTexts.Of(code, "en"));
            }
        }
    }
}
