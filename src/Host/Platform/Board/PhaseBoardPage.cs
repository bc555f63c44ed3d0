namespace Evaluation.Host.Platform.Board;

/// <summary>
/// <c>/phases</c>: every active CTI course with worker, current phase, days in it and the expected next
/// transition; overdue courses first and highlighted; filtered by municipality, worker, overdue.
/// </summary>
public static class PhaseBoardPage
{
    public static string Render(BoardPage page, ResultRun? run, BoardResults? results)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Layout.Write(page, "/phases", page["phases.title"], run, html =>
        {
            if (results is null)
            {
                Parts.NoResults(html, page, run);
                return;
            }

            var municipality = page.Query("municipality");
            var worker = page.Query("worker");
            bool overdueOnly = page.Query("overdue") == "1";
            var rows = results.Phases
                .Where(p => (municipality is null || p.Municipality == municipality) && (worker is null || p.WorkerId == worker) && (!overdueOnly || p.Overdue))
                .ToList();

            html.Element("p", page["phases.rule"], ("class", "note"));
            Parts.Filters(html, page, "/phases", results, withOverdue: true);
            if (rows.Count == 0)
            {
                html.Element("p", page["phases.empty"]);
                return;
            }

            html.Open("table", ("id", "phase-board"));
            html.Element("caption", page.Format("phases.caption", BoardPage.Date(results.AsOf), page.Count(rows.Count), page.Count(rows.Count(r => r.Overdue))));
            html.Open("thead").Open("tr");
            html.ColumnHeader(page["col.course"]).ColumnHeader(page["col.municipality"]).ColumnHeader(page["col.worker"]).ColumnHeader(page["col.phase"])
                .ColumnHeader(page["col.days"], "num").ColumnHeader(page["col.phase_start"]).ColumnHeader(page["col.expected"]).ColumnHeader(page["col.status"]);
            html.Close("tr").Close("thead").Open("tbody");
            foreach (var row in Parts.Paged(page, rows))
            {
                html.Open("tr", ("class", row.Overdue ? "overdue" : null), ("data-course", row.CourseId));
                html.RowHeader(row.CourseId).Cell(row.Municipality).Cell(row.WorkerId ?? page["unknown"]).Cell(page["phase." + row.Phase])
                    .Cell(page.Count(row.DaysInPhase), "num").Cell(BoardPage.Date(row.PhaseStart))
                    .Cell(row.ExpectedTransition is { } expected ? BoardPage.Date(expected) : page["phases.no_exit"]);
                html.Element("td", row.Overdue ? page["overdue"] : page["on_time"], ("class", row.Overdue ? "status-overdue" : null));
                html.Close("tr");
            }

            html.Close("tbody").Close("table");
            Parts.Pager(html, page, "/phases", rows.Count, ("municipality", municipality), ("worker", worker), ("overdue", overdueOnly ? "1" : null));
        });
    }
}
