using Evaluation.Analytics.Outcomes;
using Evaluation.Reports.Discretion;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports.Publication;

internal sealed partial class PublishedReport
{
    private sealed record ComparisonCells(ComparisonRow Row, DiscretionCell NCti, DiscretionCell NKr, DiscretionCell NExcluded, DiscretionCell Ate, DiscretionCell CiLow, DiscretionCell CiHigh,
        DiscretionCell EssCti, DiscretionCell EssKr, DiscretionCell MaxCti, DiscretionCell MaxKr, IReadOnlyList<(string Covariate, DiscretionCell Before, DiscretionCell After, DiscretionCell? Ratio)> Balance);

    private sealed record AdjustedCells(string Group, DiscretionCell N, DiscretionCell[] Values);

    private readonly List<ComparisonCells> comparison = [];
    private readonly List<AdjustedCells> housingAdjusted = [];
    private readonly List<AdjustedCells> shelterAdjusted = [];

    private void RegisterComparison()
    {
        foreach (var r in input.Outcomes.Comparison)
        {
            var key = $"comparison|{r.Instrument}|{r.Model}";

            // The comparison's n's are the same figures in every model: one cell each per instrument.
            var nCti = engine.Count($"comparison|{r.Instrument}|n_cti", r.NCti, cost: 3);
            var nKr = engine.Count($"comparison|{r.Instrument}|n_kr", r.NKr, cost: 3);
            var nExcluded = engine.Count($"comparison|{r.Instrument}|n_excluded", r.NExcluded);
            DiscretionCell Both(string name, double? value) => engine.Statistic($"{key}|{name}", value, 2, [nCti, nKr]);
            DiscretionCell One(string name, double? value, DiscretionCell n) => engine.Statistic($"{key}|{name}", value, 2, [n]);
            var balance = r.SmdBefore.Keys.Union(r.SmdAfter.Keys).Select(c => (c,
                Both("smd_before|" + c, r.SmdBefore.GetValueOrDefault(c)), Both("smd_after|" + c, r.SmdAfter.GetValueOrDefault(c)),
                r.VarianceRatioAfter.TryGetValue(c, out var v) ? Both("variance_ratio|" + c, v) : null)).ToList();
            comparison.Add(new ComparisonCells(r, nCti, nKr, nExcluded, Both("ate", r.Ate), Both("ci_low", r.CiLow), Both("ci_high", r.CiHigh),
                One("ess_cti", r.EssCti, nCti), One("ess_kr", r.EssKr, nKr), engine.Statistic(key + "|max_weight_cti", r.MaxWeightCti, 3, [nCti]),
                engine.Statistic(key + "|max_weight_kr", r.MaxWeightKr, 3, [nKr]), balance));

            // The courses in the comparison are those with a start and an end score: the change
            // table's n's (ALL, baseline → end). Those of excluded municipalities are theirs.
            var total = engine.Latent($"comparison|{r.Instrument}|total", r.NCti + r.NKr + r.NExcluded);
            engine.Sum(total, [nCti, nKr, nExcluded]);
            if (change.GetValueOrDefault((r.Instrument, All, "CTI", "end")) is { } cti && change.GetValueOrDefault((r.Instrument, All, "KR", "end")) is { } kr)
            {
                engine.Sum(total, [cti.N, kr.N]);
            }

            var excluded = r.ExcludedMunicipalities.SelectMany(m => new[] { "CTI", "KR" }.Select(g => change.GetValueOrDefault((r.Instrument, m, g, "end"))?.N)).OfType<DiscretionCell>().ToList();
            if (excluded.Count > 0)
            {
                engine.Sum(nExcluded, excluded);
            }
        }

        foreach (var r in input.Outcomes.HousingRetentionAdjusted)
        {
            var n = engine.Count($"housing_adjusted|{r.Group}|n", r.N, cost: 3);
            housingAdjusted.Add(new AdjustedCells(r.Group, n, [.. new[] { ("s_180", r.S180), ("s_365", r.S365), ("ci_low", r.CiLow365), ("ci_high", r.CiHigh365) }
                .Select(v => engine.Statistic($"housing_adjusted|{r.Group}|{v.Item1}", v.Item2, 3, [n], percent: true))]));
        }

        foreach (var r in input.Outcomes.RepeatShelterAdjusted)
        {
            var n = engine.Count($"shelter_adjusted|{r.Group}|n", r.N, cost: 3);
            shelterAdjusted.Add(new AdjustedCells(r.Group, n, [.. new[] { ("cuminc_365", r.Cuminc365), ("ci_low", r.CiLow365), ("ci_high", r.CiHigh365) }
                .Select(v => engine.Statistic($"shelter_adjusted|{r.Group}|{v.Item1}", v.Item2, 3, [n], percent: true))]));
        }
    }

    private List<Block> Comparison(string scope)
    {
        var blocks = new List<Block> { new TitleBlock(labels["comparison.title"], labels["comparison.subtitle"]) };
        if (scope != All)
        {
            blocks.Add(new NoteBlock(labels["comparison.all_only"]));
        }

        if (comparison.Count == 0)
        {
            blocks.Add(new NoteBlock(labels["comparison.none"]));
        }
        else
        {
            string[] header =
            [
                labels["col.instrument"], labels["col.model"], labels["col.ate"], labels["col.ci_low"], labels["col.ci_high"], labels["col.n_cti"], labels["col.n_kr"],
                labels["col.n_excluded"], labels["col.ess_cti"], labels["col.ess_kr"], labels["col.max_weight_cti"], labels["col.max_weight_kr"],
            ];
            blocks.Add(new TableBlock(header, comparison.Select(c => new object?[]
            {
                InstrumentName(c.Row.Instrument), labels.TryGet("model." + c.Row.Model) ?? c.Row.Model, c.Ate, c.CiLow, c.CiHigh, c.NCti, c.NKr, c.NExcluded, c.EssCti, c.EssKr, c.MaxCti, c.MaxKr,
            }).ToList()));
            foreach (var c in comparison)
            {
                var name = $"{InstrumentName(c.Row.Instrument)} ({labels.TryGet("model." + c.Row.Model) ?? c.Row.Model})";
                var words = new List<string>
                {
                    c.Row.ExcludedMunicipalities.Count == 0
                        ? labels.Format("comparison.excluded.none", name)
                        : labels.Format("comparison.excluded", name, string.Join(", ", c.Row.ExcludedMunicipalities)),
                };
                if (c.Row.Aliased.Count > 0)
                {
                    words.Add(labels.Format("comparison.aliased", string.Join(", ", c.Row.Aliased.Select(Covariate))));
                }

                if (c.Row.Note is { Length: > 0 } note)
                {
                    words.Add(labels.Format("comparison.note", Reasons.Translate(note, labels)));
                }

                blocks.Add(new NoteBlock(string.Join(" ", words)));
            }

            blocks.Add(new HeadingBlock(labels["comparison.balance"]));
            string[] balanceHeader = [labels["col.instrument"], labels["col.model"], labels["col.covariate"], labels["col.smd_before"], labels["col.smd_after"], labels["col.variance_ratio"]];
            blocks.Add(new TableBlock(balanceHeader, comparison.SelectMany(c => c.Balance.Select(b => new object?[]
            {
                InstrumentName(c.Row.Instrument), labels.TryGet("model." + c.Row.Model) ?? c.Row.Model, Covariate(b.Covariate), b.Before, b.After, b.Ratio,
            })).ToList()));
            foreach (var c in comparison)
            {
                var title = $"{InstrumentName(c.Row.Instrument)} ({labels.TryGet("model." + c.Row.Model) ?? c.Row.Model})";
                blocks.Add(new ChartBlock($"balance_{c.Row.Instrument}_{c.Row.Model}", Once($"balance_{c.Row.Instrument}_{c.Row.Model}", () => c.Ate.Mark != Mark.Shown ? null
                    : charts.LovePlot(title, c.Balance.Where(b => b.Before.Mark == Mark.Shown && b.After.Mark == Mark.Shown && b.Before.Rounded is not null && b.After.Rounded is not null)
                        .Select(b => (Covariate(b.Covariate), b.Before.Rounded!.Value, b.After.Rounded!.Value)).ToList()))));
                blocks.Add(new ChartBlock($"overlap_{c.Row.Instrument}_{c.Row.Model}", Once($"overlap_{c.Row.Instrument}_{c.Row.Model}", () => c.NCti.Mark != Mark.Shown || c.NKr.Mark != Mark.Shown ? null
                    : charts.Overlap(title, c.Row.PropensityCti, c.Row.PropensityKr))));
            }
        }

        blocks.Add(new HeadingBlock(labels["adjusted.title"]));
        if (housingAdjusted.Count + shelterAdjusted.Count == 0)
        {
            blocks.Add(new NoteBlock(labels["adjusted.none"]));
        }
        else
        {
            string[] housingHeader = [labels["col.group"], labels["col.n"], labels["col.s180"], labels["col.s365"], labels["col.ci_low"], labels["col.ci_high"]];
            blocks.Add(new TableBlock(housingHeader, housingAdjusted.Select(a => TableRow.Of(GroupName(a.Group), a.N, a.Values)).ToList()));
            string[] shelterHeader = [labels["col.group"], labels["col.n"], labels["col.cuminc365"], labels["col.ci_low"], labels["col.ci_high"]];
            blocks.Add(new TableBlock(shelterHeader, shelterAdjusted.Select(a => TableRow.Of(GroupName(a.Group), a.N, a.Values)).ToList()));
        }

        blocks.Add(new NoteBlock(labels["note.weights"]));
        blocks.Add(new NoteBlock(labels["note.support"]));
        blocks.Add(new NoteBlock(labels["note.aliased"]));
        blocks.Add(new NoteBlock(labels["note.boosted"]));
        return blocks;
    }

    /// <summary>A covariate in words: age, children, start score, or a municipality's indicator.</summary>
    private string Covariate(string code) => labels.TryGet("covariate." + code)
        ?? (code.StartsWith("municipality", StringComparison.Ordinal) ? labels.Format("covariate.municipality", code["municipality".Length..].TrimStart(':', '_', '=', ' ')) : code);
}
