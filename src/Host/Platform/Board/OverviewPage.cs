namespace Evaluation.Host.Platform.Board;

/// <summary><c>/</c>: what each page shows, with links, and the time of the latest published results.</summary>
public static class OverviewPage
{
    public static string Render(BoardPage page, ResultRun? run, BoardResults? results, ResultRun? workbooks)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Layout.Write(page, "/", page["overview.title"], run, html =>
        {
            html.Element("p", page["overview.intro"]);
            if (run is null || results is null)
            {
                Parts.NoResults(html, page, run);
            }
            else
            {
                html.Open("table").Element("caption", page["overview.numbers"]).Open("tbody");
                Figure(html, page["overview.active"], page.Count(results.Phases.Count));
                Figure(html, page["overview.overdue"], page.Count(results.Phases.Count(p => p.Overdue)));
                Figure(html, page["overview.scored"], page.Count(results.Fidelity.Courses.Count(c => c.Fidelity is not null)));
                html.Close("tbody").Close("table");
            }

            html.Open("ul");
            Entry(html, page.Url("/phases"), page["nav.phases"], page["overview.phases"]);
            Entry(html, page.Url("/fidelity"), page["nav.fidelity"], page["overview.fidelity"]);
            Entry(html, page.Url("/quality"), page["nav.quality"], page["overview.quality"]);
            Entry(html, page.Url("/reports"), page["nav.reports"],
                page["overview.reports"] + (workbooks is null ? "" : " " + page.Format("reports.caption", BoardPage.Date(workbooks.AsOf), BoardPage.Time(workbooks.FinishedAt)) + "."));
            Entry(html, "/hangfire", page["nav.jobs"], page["overview.jobs"]);
            html.Close("ul");
        });
    }

    private static void Figure(Html html, string label, string value) =>
        html.Open("tr").RowHeader(label).Cell(value, "num").Close("tr");

    private static void Entry(Html html, string href, string title, string text) =>
        html.Open("li").Link(href, title).Text(": " + text).Close("li");
}
