namespace Evaluation.Host.Platform.Board;

/// <summary>
/// <c>/fidelity</c>: fidelity per municipality, per worker (with caseload score and highest caseload)
/// and per course with its missing checklist items by their text (SPEC §4).
/// </summary>
public static class FidelityPage
{
    public static string Render(BoardPage page, ResultRun? run, BoardResults? results)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Layout.Write(page, "/fidelity", page["fidelity.title"], run, html =>
        {
            if (results is null)
            {
                Parts.NoResults(html, page, run);
                return;
            }

            var municipality = page.Query("municipality");
            var worker = page.Query("worker");
            var asOf = BoardPage.Date(results.AsOf);
            html.Element("p", page["fidelity.rule"], ("class", "note"));
            Parts.Filters(html, page, "/fidelity", results, withOverdue: false);

            html.Element("h2", page["fidelity.municipalities"]);
            html.Open("table", ("id", "municipalities")).Element("caption", page.Format("fidelity.municipalities.caption", asOf));
            html.Open("thead").Open("tr").ColumnHeader(page["col.municipality"]).ColumnHeader(page["col.fidelity"], "num").ColumnHeader(page["col.courses"], "num")
                .ColumnHeader(page["col.high"], "num").ColumnHeader(page["col.moderate"], "num").ColumnHeader(page["col.low"], "num").Close("tr").Close("thead").Open("tbody");
            foreach (var m in results.Fidelity.Municipalities.Where(m => municipality is null || m.Municipality == municipality).OrderBy(m => m.Municipality, StringComparer.Ordinal))
            {
                html.Open("tr").RowHeader(m.Municipality).Cell(page.Number(m.Fidelity), "num").Cell(page.Count(m.Courses), "num")
                    .Cell(page.Count(m.High), "num").Cell(page.Count(m.Moderate), "num").Cell(page.Count(m.Low), "num").Close("tr");
            }

            html.Close("tbody").Close("table");

            html.Element("h2", page["fidelity.workers"]);
            html.Open("table", ("id", "workers")).Element("caption", page.Format("fidelity.workers.caption", asOf));
            html.Open("thead").Open("tr").ColumnHeader(page["col.worker"]).ColumnHeader(page["col.municipality"]).ColumnHeader(page["col.fidelity"], "num")
                .ColumnHeader(page["col.courses"], "num").ColumnHeader(page["col.caseload_score"], "num").ColumnHeader(page["col.max_caseload"], "num")
                .Close("tr").Close("thead").Open("tbody");
            foreach (var w in results.Fidelity.Workers
                .Where(w => (municipality is null || w.Municipality == municipality) && (worker is null || w.WorkerId == worker))
                .OrderBy(w => w.Municipality, StringComparer.Ordinal).ThenBy(w => w.WorkerId, StringComparer.Ordinal))
            {
                html.Open("tr").RowHeader(w.WorkerId).Cell(w.Municipality).Cell(page.Number(w.Fidelity), "num").Cell(page.Count(w.Courses), "num")
                    .Cell(page.Percent(w.CaseloadScore), "num").Cell(page.Number(w.MaxCaseload), "num").Close("tr");
            }

            html.Close("tbody").Close("table");

            html.Element("h2", page["fidelity.courses"]);
            var courses = results.CoursesByFidelity
                .Where(c => (municipality is null || c.Municipality == municipality) && (worker is null || c.WorkerId == worker))
                .ToList();
            if (courses.Count == 0)
            {
                html.Element("p", page["fidelity.empty"]);
                return;
            }

            html.Open("table", ("id", "courses")).Element("caption", page.Format("fidelity.courses.caption", asOf));
            html.Open("thead").Open("tr").ColumnHeader(page["col.course"]).ColumnHeader(page["col.municipality"]).ColumnHeader(page["col.worker"])
                .ColumnHeader(page["col.fidelity"], "num").ColumnHeader(page["col.band"]).ColumnHeader(page["col.missing"]).Close("tr").Close("thead").Open("tbody");
            foreach (var c in Parts.Paged(page, courses))
            {
                html.Open("tr", ("data-course", c.CourseId)).RowHeader(c.CourseId).Cell(c.Municipality).Cell(c.WorkerId ?? page["unknown"])
                    .Cell(page.Number(c.Fidelity), "num").Cell(c.Band is null ? page["unknown"] : page["band." + c.Band]);
                html.Open("td");
                if (c.MissingItems.Count == 0)
                {
                    html.Text(page["fidelity.none_missing"]);
                }
                else
                {
                    html.Open("ul", ("class", "items"));
                    foreach (var item in c.MissingItems)
                    {
                        html.Element("li", $"{item}: {ChecklistTexts.Of(item, page.Language)}");
                    }

                    html.Close("ul");
                }

                html.Close("td").Close("tr");
            }

            html.Close("tbody").Close("table");
            Parts.Pager(html, page, "/fidelity", courses.Count, ("municipality", municipality), ("worker", worker));
        });
    }
}
