using Evaluation.Analytics.Statistics;

namespace Evaluation.Analytics.Outcomes;

/// <summary>One course to weight: its municipality, covariates (in the order of the covariate names) and group.</summary>
public sealed record PropensityUnit(string Municipality, double[] Covariates, bool Cti);

/// <summary>
/// Inverse probability weights for CTI vs KR on one sample (SPEC §5 "Group comparison"):
/// <list type="number">
/// <item>Common support: a municipality whose courses are all CTI or all KR is left out and listed.</item>
/// <item>The design: intercept, the covariates, and an indicator per remaining municipality except
/// the alphabetically first (ordinal order, the reference).</item>
/// <item>The propensity model gives p per course; the weight is 1/p for CTI and 1/(1 − p) for KR,
/// normalised so each group's weights sum to 1 (a course drawn twice in a resample counts twice).</item>
/// </list>
/// </summary>
public sealed class PropensityWeighting
{
    private PropensityWeighting(IReadOnlyList<string> excluded, int[] kept, int[]? frequency, IReadOnlyList<string> indicators)
    {
        ExcludedMunicipalities = excluded;
        Kept = kept;
        Frequency = frequency;
        Indicators = indicators;
    }

    /// <summary>Municipalities left out for lack of overlap (ordinal order).</summary>
    public IReadOnlyList<string> ExcludedMunicipalities { get; }

    /// <summary>Indices (into the units given) of the courses kept, in order.</summary>
    public int[] Kept { get; }

    /// <summary>How often each kept course is in the sample (a resample), or null for once each.</summary>
    public int[]? Frequency { get; }

    /// <summary>The municipalities with an indicator column (all kept but the reference).</summary>
    public IReadOnlyList<string> Indicators { get; }

    /// <summary>The propensity estimate on the kept courses (null when a group is missing).</summary>
    public PropensityEstimate? Estimate { get; private set; }

    /// <summary>Normalised weights per kept course (per copy in a resample), or null with <see cref="Failure"/>.</summary>
    public double[]? Weights { get; private set; }

    /// <summary>Why there are no weights.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// Weighs the units (each counted <paramref name="counts"/> times when given: a resample; units
    /// with count 0 are not in the sample).
    /// </summary>
    public static PropensityWeighting Weigh(IReadOnlyList<PropensityUnit> units, IReadOnlyList<string> covariateNames, PropensityModel model, int[]? counts = null, PropensityEstimate? start = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(covariateNames);
        ArgumentNullException.ThrowIfNull(model);
        var groups = new Dictionary<string, (bool Cti, bool Kr)>(StringComparer.Ordinal);
        for (int i = 0; i < units.Count; i++)
        {
            if (counts is null || counts[i] > 0)
            {
                var (cti, kr) = groups.GetValueOrDefault(units[i].Municipality);
                groups[units[i].Municipality] = (cti || units[i].Cti, kr || !units[i].Cti);
            }
        }

        bool anyCti = groups.Values.Any(g => g.Cti), anyKr = groups.Values.Any(g => g.Kr);
        if (!anyCti || !anyKr)
        {
            // One group only: nothing to weigh against, and no municipality to single out.
            var all = Enumerable.Range(0, units.Count).Where(i => counts is null || counts[i] > 0).ToArray();
            return new PropensityWeighting([], all, counts is null ? null : all.Select(i => counts[i]).ToArray(), [])
            {
                Failure = !anyCti && !anyKr ? "no courses" : !anyCti ? "no CTI courses" : "no KR courses",
            };
        }

        var excluded = groups.Where(g => !(g.Value.Cti && g.Value.Kr)).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var remaining = groups.Where(g => g.Value.Cti && g.Value.Kr).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var kept = Enumerable.Range(0, units.Count)
            .Where(i => (counts is null || counts[i] > 0) && groups[units[i].Municipality] is (true, true))
            .ToArray();
        var indicators = remaining.Skip(1).ToList();
        var frequency = counts is null ? null : kept.Select(i => counts[i]).ToArray();
        var weighting = new PropensityWeighting(excluded, kept, frequency, indicators);
        if (kept.Length == 0)
        {
            weighting.Failure = "no municipality has both CTI and KR courses (no common support)";
            return weighting;
        }

        var design = Design(units, kept, covariateNames.Count, indicators);
        var columns = new List<string> { "intercept" };
        columns.AddRange(covariateNames);
        columns.AddRange(indicators.Select(IndicatorName));
        var estimate = model.Estimate(design, columns, frequency, start);
        weighting.Estimate = estimate;
        if (estimate.Probabilities is not { } p)
        {
            weighting.Failure = estimate.Failure ?? "the propensity model gave no estimate";
            return weighting;
        }

        var w = new double[kept.Length];
        double sumCti = 0, sumKr = 0;
        for (int r = 0; r < kept.Length; r++)
        {
            bool cti = units[kept[r]].Cti;
            w[r] = cti ? 1 / p[r] : 1 / (1 - p[r]);
            int f = frequency?[r] ?? 1;
            if (cti)
            {
                sumCti += f * w[r];
            }
            else
            {
                sumKr += f * w[r];
            }
        }

        for (int r = 0; r < kept.Length; r++)
        {
            w[r] /= units[kept[r]].Cti ? sumCti : sumKr;
        }

        weighting.Weights = w;
        return weighting;
    }

    /// <summary>The key of a municipality's indicator column (SPEC §6: smd keys).</summary>
    public static string IndicatorName(string municipality) => "municipality_" + municipality;

    /// <summary>The design over the kept units: their covariates and indicator columns.</summary>
    public static IndicatorDesign Design(IReadOnlyList<PropensityUnit> units, int[] kept, int covariates, IReadOnlyList<string> indicators)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(indicators);
        var column = indicators.Select((m, j) => (m, j)).ToDictionary(x => x.m, x => x.j, StringComparer.Ordinal);
        var dense = new double[kept.Length * covariates];
        var indicator = new int[kept.Length];
        var outcome = new bool[kept.Length];
        for (int r = 0; r < kept.Length; r++)
        {
            var unit = units[kept[r]];
            Array.Copy(unit.Covariates, 0, dense, r * covariates, covariates);
            indicator[r] = column.GetValueOrDefault(unit.Municipality, -1);
            outcome[r] = unit.Cti;
        }

        return new IndicatorDesign(dense, covariates, indicator, indicators.Count, outcome);
    }
}
