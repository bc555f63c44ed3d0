using Evaluation.Domain.Values;

namespace Evaluation.Reports.Workbooks;

public sealed partial class ReportWorkbook
{
    private static readonly EndReason[] EarlyReasons = [EndReason.DroppedOut, EndReason.MovedAway, EndReason.ReturnedToPerpetrator, EndReason.Other];

    /// <summary>Courses per group: active, completed and early terminations by reason, with totals (discretion on every count).</summary>
    private void Overview(Sheet sheet)
    {
        sheet.Title(labels.Format("overview.title", MunicipalityLabel(scope)), labels.Format("overview.asof", input.AsOf.ToString("yyyy-MM-dd", labels.Culture)));
        var header = new List<string> { labels["col.municipality"], labels["col.group"], labels["col.active"], labels["col.completed"] };
        header.AddRange(EarlyReasons.Select(r => labels["reason." + Codes.Of(r)]));
        header.Add(labels["reason.none"]);
        header.Add(labels["col.courses"]);
        var rows = new List<object?[]>();
        foreach (var group in new[] { Group.Cti, Group.Kr })
        {
            var municipalities = Municipalities;
            var counts = new int[municipalities.Count, header.Count - 2];
            for (int m = 0; m < municipalities.Count; m++)
            {
                var courses = input.Data.Courses.Where(c => c.Group == group && c.ContactStart <= input.AsOf
                    && (municipalities[m] == Analytics.Outcomes.OutcomesCalculator.All || c.Municipality == municipalities[m])).ToList();
                bool Ended(Domain.Courses.Course c) => c.EndDate <= input.AsOf;
                counts[m, 0] = courses.Count(c => !Ended(c));
                counts[m, 1] = courses.Count(c => Ended(c) && c.EndReason == EndReason.Completed);
                for (int r = 0; r < EarlyReasons.Length; r++)
                {
                    counts[m, 2 + r] = courses.Count(c => Ended(c) && c.EndReason == EarlyReasons[r]);
                }

                // Ended without a reason: its own column, so that the parts add up to the total.
                counts[m, header.Count - 4] = courses.Count(c => Ended(c) && c.EndReason is null);
                counts[m, header.Count - 3] = courses.Count;
            }

            var shown = disclosure.Grid(counts, lastRowIsTotal: CrossMunicipality, lastColumnIsTotal: true);
            for (int m = 0; m < municipalities.Count; m++)
            {
                var row = new List<object?> { MunicipalityLabel(municipalities[m]), GroupLabel(Codes.Of(group)) };
                for (int c = 0; c < counts.GetLength(1); c++)
                {
                    row.Add(shown[m, c]);
                }

                rows.Add(row.ToArray());
            }
        }

        sheet.Table(header, rows);
        sheet.Note(labels.Format("note.discretion", disclosure.Threshold));
        sheet.Finish(0);
    }
}
