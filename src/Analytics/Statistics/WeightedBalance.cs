namespace Evaluation.Analytics.Statistics;

/// <summary>
/// Diagnostics of a weighting, as weighting tools report them (SPEC §5 "Group comparison",
/// "Diagnostics"; the conventions of R's cobalt and WeightIt).
/// </summary>
public static class WeightedBalance
{
    /// <summary>Kish's effective sample size of one group: (Σw)² / Σw².</summary>
    public static double EffectiveSampleSize(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        double sum = 0, squares = 0;
        foreach (var w in weights)
        {
            sum += w;
            squares += w * w;
        }

        return sum * sum / squares;
    }

    /// <summary>
    /// The weighted variance of one group as cobalt computes it ("unbiased" for reliability weights):
    /// with the weights normalised to v = w / Σw, Σ v (x − x̄_v)² / (1 − Σ v²), where x̄_v = Σ v x.
    /// Null when 1 − Σ v² is 0 (all weight on one course).
    /// </summary>
    public static double? WeightedVariance(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        double total = weights.Sum();
        double mean = 0, squares = 0;
        for (int i = 0; i < values.Count; i++)
        {
            double v = weights[i] / total;
            mean += v * values[i];
            squares += v * v;
        }

        double ss = 0;
        for (int i = 0; i < values.Count; i++)
        {
            ss += weights[i] / total * (values[i] - mean) * (values[i] - mean);
        }

        return 1 - squares <= 0 ? null : ss / (1 - squares);
    }

    /// <summary>
    /// The variance ratio after weighting (cobalt's convention): the weighted variance of the covariate
    /// among CTI courses over that among KR courses (<see cref="WeightedVariance"/>). Null when either
    /// is not defined or the KR variance is 0.
    /// </summary>
    public static double? VarianceRatio(IReadOnlyList<double> cti, IReadOnlyList<double> weightsCti, IReadOnlyList<double> kr, IReadOnlyList<double> weightsKr)
    {
        var numerator = WeightedVariance(cti, weightsCti);
        var denominator = WeightedVariance(kr, weightsKr);
        return numerator is null || denominator is not > 0 ? null : numerator / denominator;
    }

    /// <summary>
    /// The standardised mean difference (mean_CTI − mean_KR) / √((var_CTI + var_KR) / 2), the means
    /// weighted when weights are given (normalised to sum to 1 within each group), the variances
    /// always the unweighted sample variances (cobalt's default for the ATE). Null with fewer than two
    /// courses in a group or a pooled SD of 0 (a constant covariate).
    /// </summary>
    public static double? StandardisedMeanDifference(IReadOnlyList<double> cti, IReadOnlyList<double> kr, IReadOnlyList<double>? weightsCti = null, IReadOnlyList<double>? weightsKr = null)
    {
        ArgumentNullException.ThrowIfNull(cti);
        ArgumentNullException.ThrowIfNull(kr);
        if (cti.Count < 2 || kr.Count < 2)
        {
            return null;
        }

        double pooled = Math.Sqrt((Descriptive.Variance(cti) + Descriptive.Variance(kr)) / 2);
        if (!(pooled > 0))
        {
            return null;
        }

        return (Mean(cti, weightsCti) - Mean(kr, weightsKr)) / pooled;
    }

    private static double Mean(IReadOnlyList<double> values, IReadOnlyList<double>? weights)
    {
        if (weights is null)
        {
            return Descriptive.Mean(values);
        }

        double total = weights.Sum(), mean = 0;
        for (int i = 0; i < values.Count; i++)
        {
            mean += weights[i] / total * values[i];
        }

        return mean;
    }
}
