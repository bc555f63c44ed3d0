using Evaluation.Analytics.Outcomes;
using Evaluation.Reports.Discretion;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Publication;

internal sealed partial class PublishedReport
{
    private static readonly string[] LaterWaves = ["m3", "m6", "end", "followup"];
    private static readonly string[] AllWaves = ["baseline", "m3", "m6", "end", "followup"];

    /// <summary>A change row's registered cells: n, the statistics, and the reliable-change counts.</summary>
    private sealed record ChangeCells(ChangeRow Row, DiscretionCell N, DiscretionCell MeanFrom, DiscretionCell MeanTo, DiscretionCell MeanChange,
        DiscretionCell CiLow, DiscretionCell CiHigh, DiscretionCell P, DiscretionCell Dz, DiscretionCell? Improved, DiscretionCell? Deteriorated, DiscretionCell? Unchanged);

    private sealed record ShareCells(string Municipality, string Group, string Wave, DiscretionCell N, DiscretionCell Share, double? Reference);

    private readonly Dictionary<(string Instrument, string Municipality, string Group, string To), ChangeCells> change = [];
    private readonly Dictionary<(string Municipality, string Group, string Wave), ShareCells> loneliness = [];
    private readonly Dictionary<(string Municipality, string Group, string Wave), ShareCells> safety = [];

    private void RegisterOutcomes()
    {
        foreach (var r in input.Outcomes.Change.Where(r => r.From == "baseline"))
        {
            var key = $"change|{r.Instrument}|{r.Municipality}|{r.Group}|{r.From}|{r.To}";
            var n = engine.Count(key + "|n", r.N, cost: 3);
            var g = Granularity(r.Instrument);
            DiscretionCell Stat(string name, double? value, double? granularity = null) => engine.Statistic($"{key}|{name}", value, 2, [n], granularity);
            DiscretionCell? Persons(string name, int? value) => value is null ? null : engine.Count($"{key}|{name}", value.Value);
            var cells = new ChangeCells(r, n, Stat("mean_from", r.MeanFrom, g), Stat("mean_to", r.MeanTo, g), Stat("mean_change", r.MeanChange, g),
                Stat("ci_low", r.CiLow), Stat("ci_high", r.CiHigh), engine.Statistic(key + "|p", r.PValue, 3, [n]), Stat("d_z", r.Dz),
                Persons("improved", r.Improved), Persons("deteriorated", r.Deteriorated), Persons("unchanged", r.Unchanged));
            if (cells is { Improved: { } i, Deteriorated: { } d, Unchanged: { } u })
            {
                engine.Sum(n, [i, d, u]);
            }

            change[(r.Instrument, r.Municipality, r.Group, r.To)] = cells;
        }

        foreach (var (instrument, group, to) in change.Keys.Select(k => (k.Instrument, k.Group, k.To)).Distinct().ToList())
        {
            SumOverMunicipalities(m => change.GetValueOrDefault((instrument, m, group, to))?.N);
        }
    }

    private void RegisterLoneliness()
    {
        foreach (var r in input.Outcomes.LonelinessHigh)
        {
            loneliness[(r.Municipality, r.Group, r.Wave)] = ShareRow("loneliness", r.Municipality, r.Group, r.Wave, r.N, r.Share, r.Reference);
        }

        foreach (var r in input.Outcomes.Safety)
        {
            safety[(r.Municipality, r.Group, r.Wave)] = ShareRow("safety", r.Municipality, r.Group, r.Wave, r.N, r.Share, null);
        }

        foreach (var table in new[] { loneliness, safety })
        {
            foreach (var (group, wave) in table.Keys.Select(k => (k.Group, k.Wave)).Distinct().ToList())
            {
                SumOverMunicipalities(m => table.GetValueOrDefault((m, group, wave))?.N);

                // The persons behind each share add up too: a reader gets them from share × n.
                var numerators = municipalities.Select(m => table.GetValueOrDefault((m, group, wave))?.Share.Numerator).OfType<DiscretionCell>().ToList();
                if (table.GetValueOrDefault((All, group, wave))?.Share.Numerator is { } total)
                {
                    engine.Sum(total, numerators);
                }
            }
        }
    }

    private ShareCells ShareRow(string table, string municipality, string group, string wave, int n, double? share, double? reference)
    {
        var key = $"{table}|{municipality}|{group}|{wave}";
        var count = engine.Count(key + "|n", n, cost: 3);
        var numerator = engine.Latent(key + "|persons", share is { } s ? (int)Math.Round(s * n) : 0);
        return new ShareCells(municipality, group, wave, count, engine.Share(key + "|share", share, 3, numerator, count), reference);
    }

    private List<Block> Outcomes(string scope)
    {
        string[] header =
        [
            labels["col.municipality"], labels["col.instrument"], labels["col.group"], labels["col.to"], labels["col.n"],
            labels["col.mean_from"], labels["col.mean_to"], labels["col.mean_change"], labels["col.ci_low"], labels["col.ci_high"],
            labels["col.p"], labels["col.dz"], labels["col.improved"], labels["col.deteriorated"], labels["col.unchanged"],
        ];
        var rows = Rows(scope);
        var shown = change.Values.Where(c => rows.Contains(c.Row.Municipality))
            .OrderBy(c => c.Row.Instrument, StringComparer.Ordinal).ThenBy(c => Array.IndexOf(LaterWaves, c.Row.To)).ThenBy(c => c.Row.Group, StringComparer.Ordinal)
            .ThenBy(c => c.Row.Municipality == All ? 1 : 0).ThenBy(c => c.Row.Municipality, StringComparer.Ordinal)
            .Select(c => new object?[]
            {
                Name(c.Row.Municipality), InstrumentName(c.Row.Instrument), GroupName(c.Row.Group), labels["wave." + c.Row.To], c.N,
                c.MeanFrom, c.MeanTo, c.MeanChange, c.CiLow, c.CiHigh, new PValue(c.P), c.Dz, c.Improved, c.Deteriorated, c.Unchanged,
            }).ToList();
        var blocks = new List<Block>
        {
            new TitleBlock(labels.Format("outcomes.title", Name(scope)), labels["outcomes.subtitle"]),
            new TableBlock(header, shown),
        };
        var instruments = change.Keys.Select(k => k.Instrument).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var code in instruments)
        {
            blocks.Add(new NoteBlock(labels.TryGet("note.instrument." + code) ?? InstrumentName(code)));
        }

        blocks.Add(new NoteBlock(labels["note.change"]));
        blocks.Add(new NoteBlock(labels["note.rci"]));
        foreach (var code in instruments)
        {
            var points = change.Values.Where(c => c.Row.Instrument == code && c.Row.Municipality == scope).ToList();
            blocks.Add(new ChartBlock($"change_{code}", () => charts.Change(InstrumentName(code), points.Select(p => (p.Row.Group, p.Row.To, p.MeanChange, p.CiLow, p.CiHigh)))));
        }

        return blocks;
    }

    private List<Block> Loneliness(string scope)
    {
        var reference = input.Method.Settings.LonelinessReference;
        var rows = Rows(scope);
        string[] header = [labels["col.municipality"], labels["col.group"], labels["col.wave"], labels["col.n"], labels["col.share_high"], labels["col.reference"]];
        object?[] Row(ShareCells c) => [Name(c.Municipality), GroupName(c.Group), labels["wave." + c.Wave], c.N, c.Share, c.Reference is { } r ? new Plain(r, "0.0%") : null];
        IEnumerable<ShareCells> Ordered(Dictionary<(string, string, string), ShareCells> table) => table.Values.Where(c => rows.Contains(c.Municipality))
            .OrderBy(c => c.Municipality == All ? 1 : 0).ThenBy(c => c.Municipality, StringComparer.Ordinal).ThenBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => Array.IndexOf(AllWaves, c.Wave));
        string[] safetyHeader = [labels["col.municipality"], labels["col.group"], labels["col.wave"], labels["col.n"], labels["col.share_violence"]];
        var own = loneliness.Values.Where(c => c.Municipality == scope).ToList();
        var ownSafety = safety.Values.Where(c => c.Municipality == scope).ToList();
        return
        [
            new TitleBlock(labels.Format("loneliness.title", Name(scope)), reference is null
                ? labels["loneliness.noreference"]
                : labels.Format("loneliness.reference", reference.Value.ToString("P1", labels.Culture), input.Method.Settings.LonelinessReferenceLabel ?? labels["loneliness.source"])),
            new TableBlock(header, Ordered(loneliness).Select(Row).ToList()),
            new ChartBlock("loneliness", () => charts.Shares(labels["chart.loneliness.title"], labels["chart.loneliness.y"], own.Select(c => (c.Group, c.Wave, c.Share)), reference)),
            new HeadingBlock(labels["safety.title"]),
            new TableBlock(safetyHeader, Ordered(safety).Select(c => Row(c)[..5]).ToList()),
            new ChartBlock("safety", () => charts.Shares(labels["chart.safety.title"], labels["chart.safety.y"], ownSafety.Select(c => (c.Group, c.Wave, c.Share)), null)),
            new NoteBlock(labels["note.safety"]),
        ];
    }
}
