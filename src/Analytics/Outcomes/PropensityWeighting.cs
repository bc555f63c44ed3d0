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
    private int[]? kept;

    private PropensityWeighting(IReadOnlyList<string> excluded, int[] frequency, IReadOnlyList<string> indicators)
    {
        ExcludedMunicipalities = excluded;
        Frequency = frequency;
        Indicators = indicators;
    }

    /// <summary>Municipalities left out for lack of overlap (ordinal order).</summary>
    public IReadOnlyList<string> ExcludedMunicipalities { get; }

    /// <summary>Per unit, how often it is in the weighted sample: 0 when not drawn or left out (common support).</summary>
    public int[] Frequency { get; }

    /// <summary>Indices of the units in the weighted sample, in order.</summary>
    public int[] Kept => kept ??= Enumerable.Range(0, Frequency.Length).Where(i => Frequency[i] > 0).ToArray();

    /// <summary>The municipalities with an indicator column (all kept but the reference).</summary>
    public IReadOnlyList<string> Indicators { get; }

    /// <summary>The propensity estimate (probabilities per unit; null when a group is missing).</summary>
    public PropensityEstimate? Estimate { get; private set; }

    /// <summary>Normalised weights per unit (per copy in a resample; 0 outside the sample), or null with <see cref="Failure"/>.</summary>
    public double[]? Weights { get; private set; }

    /// <summary>Why there are no weights.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// Weighs the units (each counted <paramref name="counts"/> times when given: a resample; units
    /// with count 0 are not in the sample).
    /// </summary>
    public static PropensityWeighting Weigh(IReadOnlyList<PropensityUnit> units, IReadOnlyList<string> covariateNames, PropensityModel model, int[]? counts = null, PropensityEstimate? start = null) =>
        Weigh(new PropensitySample(units, covariateNames), model, counts, start);

    /// <summary>
    /// Weighs a prepared sample (prepared once for all bootstrap resamples). The design shares the
    /// sample's covariates and groups; only the indicator per unit and the frequencies are made per
    /// resample, so a resample allocates little.
    /// </summary>
    public static PropensityWeighting Weigh(PropensitySample sample, PropensityModel model, int[]? counts = null, PropensityEstimate? start = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(model);
        int n = sample.Cti.Length, municipalities = sample.Municipalities.Count;
        var hasCti = new bool[municipalities];
        var hasKr = new bool[municipalities];
        for (int i = 0; i < n; i++)
        {
            if (counts is null || counts[i] > 0)
            {
                (sample.Cti[i] ? hasCti : hasKr)[sample.Municipality[i]] = true;
            }
        }

        var frequency = new int[n];
        for (int i = 0; i < n; i++)
        {
            frequency[i] = counts?[i] ?? 1;
        }

        bool anyCti = hasCti.Any(h => h), anyKr = hasKr.Any(h => h);
        if (!anyCti || !anyKr)
        {
            // One group only: nothing to weigh against, and no municipality to single out.
            return new PropensityWeighting([], frequency, [])
            {
                Failure = !anyCti && !anyKr ? "no courses" : !anyCti ? "no CTI courses" : "no KR courses",
            };
        }

        // Municipalities are in ordinal order, so the first with both groups is the reference.
        var excluded = new List<string>();
        var indicators = new List<string>();
        var indicatorOf = new int[municipalities];
        bool reference = true;
        for (int m = 0; m < municipalities; m++)
        {
            indicatorOf[m] = -1;
            if (hasCti[m] && hasKr[m])
            {
                if (!reference)
                {
                    indicatorOf[m] = indicators.Count;
                    indicators.Add(sample.Municipalities[m]);
                }

                reference = false;
            }
            else if (hasCti[m] || hasKr[m])
            {
                excluded.Add(sample.Municipalities[m]);
            }
        }

        var indicator = new int[n];
        bool anyKept = false;
        for (int i = 0; i < n; i++)
        {
            int m = sample.Municipality[i];
            indicator[i] = indicatorOf[m];
            if (!(hasCti[m] && hasKr[m]))
            {
                frequency[i] = 0;
            }

            anyKept |= frequency[i] > 0;
        }

        var weighting = new PropensityWeighting(excluded, frequency, indicators);
        if (!anyKept)
        {
            weighting.Failure = "no municipality has both CTI and KR courses (no common support)";
            return weighting;
        }

        var design = new IndicatorDesign(sample.Dense, sample.CovariateNames.Count, indicator, indicators.Count, sample.Cti);
        var columns = new List<string>(1 + sample.CovariateNames.Count + indicators.Count) { "intercept" };
        columns.AddRange(sample.CovariateNames);
        columns.AddRange(indicators.Select(IndicatorName));
        var estimate = model.Estimate(design, columns, frequency, start);
        weighting.Estimate = estimate;
        if (estimate.Probabilities is not { } probabilities)
        {
            weighting.Failure = estimate.Failure ?? "the propensity model gave no estimate";
            return weighting;
        }

        var w = new double[n];
        double sumCti = 0, sumKr = 0;
        for (int i = 0; i < n; i++)
        {
            if (frequency[i] == 0)
            {
                continue;
            }

            w[i] = sample.Cti[i] ? 1 / probabilities[i] : 1 / (1 - probabilities[i]);
            if (sample.Cti[i])
            {
                sumCti += frequency[i] * w[i];
            }
            else
            {
                sumKr += frequency[i] * w[i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            w[i] /= sample.Cti[i] ? sumCti : sumKr;
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

/// <summary>
/// The units of a weighting prepared once: municipalities in ordinal order and each unit's index
/// among them, the covariates row by row, the groups (so a bootstrap resample does no string work).
/// </summary>
public sealed class PropensitySample
{
    public PropensitySample(IReadOnlyList<PropensityUnit> units, IReadOnlyList<string> covariateNames)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(covariateNames);
        CovariateNames = covariateNames;
        Municipalities = units.Select(u => u.Municipality).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = Municipalities.Select((m, j) => (m, j)).ToDictionary(x => x.m, x => x.j, StringComparer.Ordinal);
        int p = covariateNames.Count;
        Municipality = new int[units.Count];
        Cti = new bool[units.Count];
        Dense = new double[units.Count * p];
        for (int i = 0; i < units.Count; i++)
        {
            Municipality[i] = index[units[i].Municipality];
            Cti[i] = units[i].Cti;
            Array.Copy(units[i].Covariates, 0, Dense, i * p, p);
        }
    }

    public IReadOnlyList<string> CovariateNames { get; }

    /// <summary>The municipalities, ordinal order.</summary>
    public IReadOnlyList<string> Municipalities { get; }

    /// <summary>Per unit, its municipality's index in <see cref="Municipalities"/>.</summary>
    public int[] Municipality { get; }

    public bool[] Cti { get; }

    /// <summary>Row-major covariates.</summary>
    public double[] Dense { get; }
}
