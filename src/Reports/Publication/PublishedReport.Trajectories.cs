using Evaluation.Analytics.Outcomes;
using Evaluation.Reports.Discretion;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Publication;

internal sealed partial class PublishedReport
{
    private static readonly string[] Effects = ["intercept", "months", "group_cti", "months_group_cti"];

    private sealed record TrajectoryCells(TrajectoryRow Row, DiscretionCell Courses, DiscretionCell Observations, DiscretionCell[] Estimates, DiscretionCell[] Errors, DiscretionCell VarCourse, DiscretionCell VarResidual);

    private readonly Dictionary<(string Instrument, string Municipality), TrajectoryCells> trajectories = [];

    private void RegisterTrajectories()
    {
        foreach (var r in input.Outcomes.Trajectory)
        {
            var key = $"trajectory|{r.Instrument}|{r.Municipality}";
            var courses = engine.Count(key + "|n_courses", r.NCourses, cost: 3);

            // The model's group terms rest on each group's courses, which the table does not print:
            // the paired counts of the change table are a lower bound of them, so a group whose
            // paired count is under the threshold may be small, and its terms are not shown.
            bool small = new[] { "CTI", "KR" }.Any(g => change.Where(c => c.Key.Instrument == r.Instrument && c.Key.Municipality == r.Municipality && c.Key.Group == g)
                .Select(c => c.Value.Row.N).DefaultIfEmpty(0).Max() < engine.Threshold);
            DiscretionCell Stat(string name, double? value) => engine.Statistic($"{key}|{name}", value, 3, [courses], small: small);
            double?[] fixedValues = [r.Fixed.Intercept, r.Fixed.Months, r.Fixed.GroupCti, r.Fixed.MonthsGroupCti];
            double?[] seValues = [r.Se.Intercept, r.Se.Months, r.Se.GroupCti, r.Se.MonthsGroupCti];
            trajectories[(r.Instrument, r.Municipality)] = new TrajectoryCells(
                r, courses, engine.Statistic(key + "|n_obs", r.NObs, 0, [courses]),
                Effects.Select((e, i) => Stat("fixed|" + e, fixedValues[i])).ToArray(),
                Effects.Select((e, i) => Stat("se|" + e, seValues[i])).ToArray(),
                Stat("var_course", r.VarCourse), Stat("var_residual", r.VarResidual));
        }

        foreach (var instrument in trajectories.Keys.Select(k => k.Instrument).Distinct().ToList())
        {
            SumOverMunicipalities(m => trajectories.GetValueOrDefault((instrument, m))?.Courses);
        }
    }

    private List<Block> Trajectories(string scope)
    {
        var blocks = new List<Block> { new TitleBlock(labels.Format("trajectory.title", Name(scope)), labels["trajectory.subtitle"]) };
        if (trajectories.Count == 0)
        {
            blocks.Add(new NoteBlock(labels["trajectory.none"]));
            return blocks;
        }

        string[] header =
        [
            labels["col.municipality"], labels["col.instrument"], labels["col.n_courses"], labels["col.n_obs"],
            .. Effects.SelectMany(e => new[] { labels["effect." + e], labels.Format("col.se_of", labels["effect." + e]) }),
            labels["col.var_course"], labels["col.var_residual"],
        ];
        var rows = Rows(scope);
        var table = trajectories.Values.Where(t => rows.Contains(t.Row.Municipality))
            .OrderBy(t => t.Row.Instrument, StringComparer.Ordinal).ThenBy(t => t.Row.Municipality == All ? 1 : 0).ThenBy(t => t.Row.Municipality, StringComparer.Ordinal)
            .Select(t => TableRow.Of(
                Name(t.Row.Municipality), InstrumentName(t.Row.Instrument), t.Courses, t.Observations,
                t.Estimates.Zip(t.Errors).SelectMany(p => new[] { p.First, p.Second }).ToArray(), t.VarCourse, t.VarResidual)).ToList();
        blocks.Add(new TableBlock(header, table));
        blocks.Add(new NoteBlock(labels["note.trajectory"]));
        foreach (var t in trajectories.Values.Where(t => t.Row.Municipality == scope).OrderBy(t => t.Row.Instrument, StringComparer.Ordinal))
        {
            blocks.Add(new ChartBlock($"trajectory_{t.Row.Instrument}", () => t.Estimates.All(e => e.Mark == Mark.Shown && e.Rounded is not null)
                ? charts.Trajectory(InstrumentName(t.Row.Instrument), t.Row.Fixed)
                : null));
        }

        return blocks;
    }
}
