using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using Evaluation.Reports.Discretion;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Publication;

internal sealed partial class PublishedReport
{
    private static readonly EndReason[] EarlyReasons = [EndReason.DroppedOut, EndReason.MovedAway, EndReason.ReturnedToPerpetrator, EndReason.Other];

    /// <summary>Columns of the overview after municipality and group: persons, then the parts of the courses, then the courses.</summary>
    private static readonly string[] OverviewColumns = ["persons", "active", "completed", "dropped_out", "moved_away", "returned_to_perpetrator", "other", "no_reason", "courses"];

    private readonly Dictionary<(string Municipality, string Group), DiscretionCell[]> overview = [];

    private void RegisterOverview()
    {
        var started = input.Data.Courses.Where(c => c.ContactStart <= input.AsOf).ToList();
        foreach (var group in new[] { Group.Cti, Group.Kr })
        {
            var code = Codes.Of(group);
            foreach (var m in municipalities.Append(All))
            {
                var courses = started.Where(c => c.Group == group && (m == All || c.Municipality == m)).ToList();
                bool Ended(Course c) => c.EndDate <= input.AsOf;
                int[] values =
                [
                    courses.Select(c => c.PersonKey).Distinct(StringComparer.Ordinal).Count(),
                    courses.Count(c => !Ended(c)),
                    courses.Count(c => Ended(c) && c.EndReason == EndReason.Completed),
                    .. EarlyReasons.Select(r => courses.Count(c => Ended(c) && c.EndReason == r)),
                    courses.Count(c => Ended(c) && c.EndReason is null),
                    courses.Count,
                ];

                // The persons and courses per group in the whole evaluation are always shown (SPEC §7 rule 2).
                bool whole = m == All;
                var cells = values.Select((v, i) => engine.Count($"overview|{m}|{code}|{OverviewColumns[i]}", v,
                    cost: OverviewColumns[i] is "persons" or "courses" ? 3 : 1,
                    protect: whole && OverviewColumns[i] is "persons" or "courses")).ToArray();
                engine.Sum(cells[^1], cells[1..^1]);

                // Where every woman has one course, persons and courses are the same number, and a reader sees it.
                if (values[0] == values[^1])
                {
                    engine.Sum(cells[0], [cells[^1]]);
                }

                overview[(m, code)] = cells;
            }

            for (int i = 0; i < OverviewColumns.Length; i++)
            {
                int column = i;
                SumOverMunicipalities(m => overview[(m, code)][column]);
            }
        }
    }

    private List<Block> Overview(string scope)
    {
        var header = new List<string> { labels["col.municipality"], labels["col.group"] };
        header.AddRange(OverviewColumns.Select(c => labels["overview." + c]));
        var rows = new List<object?[]>();
        foreach (var group in new[] { "CTI", "KR" })
        {
            foreach (var m in Rows(scope))
            {
                rows.Add([Name(m), GroupName(group), .. overview[(m, group)]]);
            }
        }

        return
        [
            new TitleBlock(labels.Format("overview.title", Name(scope)), labels.Format("overview.asof", input.AsOf.ToString("yyyy-MM-dd", labels.Culture))),
            new TableBlock(header, rows),
            new NoteBlock(labels["overview.note"]),
            new NoteBlock(labels.Format("note.discretion", engine.Threshold)),
        ];
    }
}
