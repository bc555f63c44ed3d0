namespace Evaluation.Host.Platform.Board;

/// <summary>
/// <c>/reports</c>: the workbooks of the latest publish that wrote them, to download. The internal
/// management workbook is listed and served only to requests from this machine or signed in.
/// </summary>
public static class ReportsPage
{
    public static string Render(BoardPage page, ResultRun? run, ResultRun? workbooks)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Layout.Write(page, "/reports", page["reports.title"], run, html =>
        {
            var files = Workbook.In(workbooks);
            if (workbooks is null || files.Count == 0)
            {
                html.Element("p", page["reports.none"]);
                return;
            }

            var shown = files.Where(f => !f.Internal || page.MaySeeInternal).ToList();
            html.Open("table", ("id", "workbooks")).Element("caption", page.Format("reports.caption", BoardPage.Date(workbooks.AsOf), BoardPage.Time(workbooks.FinishedAt)));
            html.Open("thead").Open("tr").ColumnHeader(page["col.file"]).ColumnHeader(page["col.size"], "num").ColumnHeader(page["col.written"]).ColumnHeader(page["col.download"])
                .Close("tr").Close("thead").Open("tbody");
            foreach (var file in shown)
            {
                var name = file.Internal ? $"{file.Name} ({page["reports.internal"]})" : file.Name;
                html.Open("tr").RowHeader(name).Cell(page.Number(file.Bytes / 1024.0, 0) + " KB", "num").Cell(BoardPage.Time(file.Written)).Open("td")
                    .Link("/reports/" + Uri.EscapeDataString(file.Name), page["col.download"] + " " + file.Name, ("download", file.Name)).Close("td").Close("tr");
            }

            html.Close("tbody").Close("table");
            if (shown.Count < files.Count)
            {
                html.Element("p", page["reports.internal_hidden"], ("class", "note"));
            }
        });
    }
}
