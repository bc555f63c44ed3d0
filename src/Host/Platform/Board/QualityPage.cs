using Evaluation.Domain.People;

namespace Evaluation.Host.Platform.Board;

/// <summary>
/// <c>/quality</c>: the latest file of each kind per municipality (rows, loaded, updated, quarantined)
/// and the quarantined rows by reason with their masked value. A questionnaire answer's value is not
/// shown (it is an outcome measurement), and anything that looks like a CPR number is masked again.
/// </summary>
public static class QualityPage
{
    /// <summary>The columns of an answers file that are not answers to questionnaire items.</summary>
    private static readonly HashSet<string> AnswerKeys = new(StringComparer.OrdinalIgnoreCase) { "course_id", "wave", "answered_date", "forloeb", "boelge", "besvaret" };

    public static string Render(BoardPage page, ResultRun? run, Deliveries deliveries)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(deliveries);
        return Layout.Write(page, "/quality", page["quality.title"], run, html =>
        {
            if (deliveries.Latest.Count == 0)
            {
                html.Element("p", page["quality.empty"]);
                return;
            }

            html.Element("h2", page["quality.deliveries"]);
            html.Open("table", ("id", "deliveries")).Element("caption", page["quality.deliveries.caption"]);
            html.Open("thead").Open("tr").ColumnHeader(page["col.municipality"]).ColumnHeader(page["col.file"]).ColumnHeader(page["col.kind"]).ColumnHeader(page["col.ingested"])
                .ColumnHeader(page["col.rows"], "num").ColumnHeader(page["col.loaded"], "num").ColumnHeader(page["col.updated"], "num").ColumnHeader(page["col.quarantined"], "num")
                .Close("tr").Close("thead").Open("tbody");
            foreach (var d in deliveries.Latest)
            {
                html.Open("tr").Cell(d.Municipality).RowHeader(d.File).Cell(d.Kind).Cell(BoardPage.Time(d.IngestedAt)).Cell(page.Count(d.Rows), "num")
                    .Cell(page.Count(d.Loaded), "num").Cell(page.Count(d.Updated), "num").Cell(page.Count(d.Quarantined), "num").Close("tr");
            }

            html.Close("tbody").Close("table");

            html.Element("h2", page["quality.reasons"]);
            if (deliveries.ByReason.Count == 0)
            {
                html.Element("p", page["quality.clean"]);
                return;
            }

            html.Element("p", page["quality.note"], ("class", "note"));
            html.Open("table", ("id", "reasons")).Element("caption", page["quality.reasons.caption"]);
            html.Open("thead").Open("tr").ColumnHeader(page["col.reason"]).ColumnHeader(page["col.rows"], "num").Close("tr").Close("thead").Open("tbody");
            foreach (var (reason, rows) in deliveries.ByReason)
            {
                html.Open("tr").RowHeader(reason).Cell(page.Count(rows), "num").Close("tr");
            }

            html.Close("tbody").Close("table");

            html.Element("h2", page["quality.rows"]);
            if (deliveries.TotalRows > deliveries.Rows.Count)
            {
                html.Element("p", page.Format("quality.limit", page.Count(deliveries.Rows.Count), page.Count(deliveries.TotalRows)), ("class", "note"));
            }

            html.Open("table", ("id", "quarantine")).Element("caption", page["quality.rows.caption"]);
            html.Open("thead").Open("tr").ColumnHeader(page["col.reason"]).ColumnHeader(page["col.municipality"]).ColumnHeader(page["col.file"]).ColumnHeader(page["col.row"], "num")
                .ColumnHeader(page["col.column"]).ColumnHeader(page["col.value"]).Close("tr").Close("thead").Open("tbody");
            foreach (var row in deliveries.Rows)
            {
                html.Open("tr").Cell(row.Reason).Cell(row.Municipality).Cell(row.File).Cell(page.Count(row.Row), "num").Cell(row.Column ?? page["unknown"])
                    .Cell(Shown(page, row)).Close("tr");
            }

            html.Close("tbody").Close("table");
        });
    }

    /// <summary>The value as it may be shown: questionnaire answers withheld, anything that could be a CPR number masked.</summary>
    public static string Shown(BoardPage page, QuarantinedRow row)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(row);
        if (string.IsNullOrEmpty(row.Value))
        {
            return page["unknown"];
        }

        if (row.Kind == "answers" && !AnswerKeys.Contains(row.Column ?? ""))
        {
            return page["quality.withheld"];
        }

        // Ingest stored the value masked already; a CPR number inside a longer text is masked here too.
        return string.Equals(row.Column, "cpr", StringComparison.OrdinalIgnoreCase) || CprNumber.LooksLikeCpr(row.Value)
            ? CprNumber.Mask(row.Value)
            : CprNumber.MaskAll(row.Value);
    }
}
