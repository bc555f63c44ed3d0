using Evaluation.Domain.Values;
using Evaluation.Reports.Discretion;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Publication;

internal sealed partial class PublishedReport
{
    private sealed record SurvivalCells(string Municipality, string Group, DiscretionCell N, DiscretionCell Events, DiscretionCell[] Values, DiscretionCell[] Counts);

    private readonly Dictionary<(string Municipality, string Group), SurvivalCells> housing = [];
    private readonly Dictionary<(string Municipality, string Group), SurvivalCells> shelter = [];

    private void RegisterHousing()
    {
        foreach (var r in input.Outcomes.HousingRetention)
        {
            var key = $"housing|{r.Municipality}|{r.Group}";
            var n = engine.Count(key + "|n", r.N, cost: 3);
            var events = engine.Count(key + "|events", r.Events);

            // A survival estimate with 1–4 events gives the events away like a share does.
            DiscretionCell Stat(string name, double? value) => engine.Statistic($"{key}|{name}", value, 3, [n], numerator: events, percent: true);
            housing[(r.Municipality, r.Group)] = new SurvivalCells(r.Municipality, r.Group, n, events,
                [Stat("s_180", r.S180), Stat("s_365", r.S365), Stat("ci_low", r.CiLow365), Stat("ci_high", r.CiHigh365)], []);
        }

        foreach (var r in input.Outcomes.RepeatShelter)
        {
            var key = $"shelter|{r.Municipality}|{r.Group}";
            var n = engine.Count(key + "|n", r.N, cost: 3);
            var events = engine.Count(key + "|events", r.Events);
            DiscretionCell Stat(string name, double? value) => engine.Statistic($"{key}|{name}", value, 3, [n], numerator: events, percent: true);
            var followed = engine.Count(key + "|n_followed_365", r.NFollowed365, cost: 2);
            var repeat = engine.Count(key + "|n_repeat_365", r.NRepeat365);
            shelter[(r.Municipality, r.Group)] = new SurvivalCells(r.Municipality, r.Group, n, events,
                [Stat("cuminc_365", r.Cuminc365), Stat("ci_low", r.CiLow365), Stat("ci_high", r.CiHigh365)], [followed, repeat]);
        }

        foreach (var group in new[] { "CTI", "KR" })
        {
            SumOverMunicipalities(m => housing.GetValueOrDefault((m, group))?.N);
            SumOverMunicipalities(m => housing.GetValueOrDefault((m, group))?.Events);
            SumOverMunicipalities(m => shelter.GetValueOrDefault((m, group))?.N);
            SumOverMunicipalities(m => shelter.GetValueOrDefault((m, group))?.Events);
            SumOverMunicipalities(m => shelter.GetValueOrDefault((m, group))?.Counts[0]);
            SumOverMunicipalities(m => shelter.GetValueOrDefault((m, group))?.Counts[1]);
        }
    }

    private List<Block> Housing(string scope)
    {
        var rows = Rows(scope);
        IEnumerable<SurvivalCells> Ordered(Dictionary<(string, string), SurvivalCells> table) => table.Values.Where(c => rows.Contains(c.Municipality))
            .OrderBy(c => c.Municipality == All ? 1 : 0).ThenBy(c => c.Municipality, StringComparer.Ordinal).ThenBy(c => c.Group, StringComparer.Ordinal);
        string[] header = [labels["col.municipality"], labels["col.group"], labels["col.n"], labels["col.events_lost"], labels["col.s180"], labels["col.s365"], labels["col.ci_low"], labels["col.ci_high"]];
        string[] shelterHeader =
        [
            labels["col.municipality"], labels["col.group"], labels["col.n"], labels["col.events_repeat"], labels["col.cuminc365"], labels["col.ci_low"], labels["col.ci_high"],
            labels["col.followed365"], labels["col.repeat365"],
        ];
        bool Drawable(Dictionary<(string, string), SurvivalCells> table, string group) => table.GetValueOrDefault((scope, group)) is { N.Mark: Mark.Shown } c && c.N.Value >= engine.Threshold;
        return
        [
            new TitleBlock(labels.Format("housing.title", Name(scope)), labels["housing.subtitle"]),
            new TableBlock(header, Ordered(housing).Select(c => TableRow.Of(Name(c.Municipality), GroupName(c.Group), c.N, c.Events, c.Values)).ToList()),
            new ChartBlock("housing_retention", () => charts.Survival(labels["chart.housing.title"], labels["chart.housing.y"],
                Drawable(housing, "CTI") ? input.FollowUps.Of(input.FollowUps.Housing, scope, Group.Cti) : null, Drawable(housing, "KR") ? input.FollowUps.Of(input.FollowUps.Housing, scope, Group.Kr) : null, cumulative: false)),
            new HeadingBlock(labels["shelter.title"]),
            new TableBlock(shelterHeader, Ordered(shelter).Select(c => TableRow.Of(Name(c.Municipality), GroupName(c.Group), c.N, c.Events, c.Values, c.Counts)).ToList()),
            new ChartBlock("repeat_shelter", () => charts.Survival(labels["chart.shelter.title"], labels["chart.shelter.y"],
                Drawable(shelter, "CTI") ? input.FollowUps.Of(input.FollowUps.Shelter, scope, Group.Cti) : null, Drawable(shelter, "KR") ? input.FollowUps.Of(input.FollowUps.Shelter, scope, Group.Kr) : null, cumulative: true)),
            new NoteBlock(labels["note.survival"]),
            new NoteBlock(labels.Format("note.km_discretion", engine.Threshold)),
        ];
    }
}
