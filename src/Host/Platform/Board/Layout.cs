namespace Evaluation.Host.Platform.Board;

/// <summary>The frame every manager page shares: navigation, language switch, the published results' time, styles for screen and print.</summary>
public static class Layout
{
    private static readonly (string Path, string Key)[] Pages =
    [
        ("/", "nav.overview"), ("/phases", "nav.phases"), ("/fidelity", "nav.fidelity"), ("/quality", "nav.quality"), ("/reports", "nav.reports"),
    ];

    public static string Write(BoardPage page, string path, string title, ResultRun? run, Action<Html> body)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(body);
        var html = new Html();
        html.Trusted("<!DOCTYPE html>");
        html.Open("html", ("lang", page.Language));
        html.Open("head").Open("meta", ("charset", "utf-8")).Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        html.Element("title", $"{title} – {page["site"]}");
        html.Open("style").Trusted(BoardStyle.Css).Close("style").Close("head");
        html.Open("body");
        html.Link("#main", page["skip"], ("class", "skip"));
        html.Open("header");
        html.Element("p", page["site"], ("class", "site"));
        html.Open("nav", ("aria-label", page["nav"])).Open("ul");
        foreach (var (target, key) in Pages)
        {
            html.Open("li").Link(page.Url(target), page[key], ("aria-current", target == path ? "page" : null)).Close("li");
        }

        html.Open("li").Link("/hangfire", page["nav.jobs"]).Close("li");
        html.Close("ul").Close("nav");
        var other = page.Language == "da" ? "en" : "da";
        html.Open("p", ("class", "lang")).Link(page.SwitchUrl(), page["switch"], ("lang", other), ("hreflang", other), ("title", page["switch.label"])).Close("p");
        html.Close("header");
        html.Open("main", ("id", "main"));
        html.Element("h1", title);
        if (run is not null)
        {
            html.Element("p", page.Format("published", BoardPage.Date(run.AsOf), BoardPage.Time(run.FinishedAt), run.DataVersion), ("class", "meta"));
        }

        body(html);
        html.Close("main");
        html.Element("footer", page["footer"]);
        html.Close("body").Close("html");
        return html.ToString();
    }
}
