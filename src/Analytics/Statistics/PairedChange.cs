using MathNet.Numerics.Distributions;

namespace Evaluation.Analytics.Statistics;

/// <summary>The change statistics of SPEC §5 for one set of pairs; null where a statistic cannot be computed.</summary>
public sealed record ChangeStatistics(
    int N,
    double? MeanFrom,
    double? MeanTo,
    double? MeanChange,
    double? SdChange,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    double? Dz,
    int? Improved,
    int? Deteriorated,
    int? Unchanged);

/// <summary>
/// Change from one wave to another among the same persons (SPEC §5): paired means, the 95%
/// t-interval and two-sided paired t-test of R's <c>t.test(to, from, paired = TRUE)</c>, the effect
/// size d_z = mean change / SD of change, and the Jacobson–Truax reliable change index
/// rci = change / (sd_from × √2 × √(1 − reliability)), counted as improved or deteriorated when
/// |rci| &gt; 1.96 in the instrument's better or worse direction.
/// </summary>
public static class PairedChange
{
    public static ChangeStatistics Compute(IReadOnlyList<double> from, IReadOnlyList<double> to, double? reliability, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Count != to.Count)
        {
            throw new ArgumentException("from and to must be pairs.", nameof(to));
        }

        int n = from.Count;
        if (n == 0)
        {
            return new ChangeStatistics(0, null, null, null, null, null, null, null, null, null, null, null);
        }

        var change = new double[n];
        for (int i = 0; i < n; i++)
        {
            change[i] = to[i] - from[i];
        }

        double meanFrom = Descriptive.Mean(from);
        double meanTo = Descriptive.Mean(to);
        double meanChange = Descriptive.Mean(change);
        double? sd = n > 1 ? Descriptive.StandardDeviation(change) : null;

        // With no spread in the changes (or one pair) there is no t-test, as in R, which stops
        // with "data are essentially constant".
        double? ciLow = null, ciHigh = null, p = null, dz = null;
        if (sd is > 0)
        {
            double se = sd.Value / Math.Sqrt(n);
            var t = new StudentT(0, 1, n - 1);
            double q = t.InverseCumulativeDistribution(0.975);
            ciLow = meanChange - (q * se);
            ciHigh = meanChange + (q * se);
            p = 2 * t.CumulativeDistribution(-Math.Abs(meanChange / se));
            dz = meanChange / sd.Value;
        }

        int? improved = null, deteriorated = null, unchanged = null;
        double? sdFrom = n > 1 ? Descriptive.StandardDeviation(from) : null;
        if (reliability is { } r && sdFrom is > 0)
        {
            double denominator = sdFrom.Value * Math.Sqrt(2) * Math.Sqrt(1 - r);
            improved = deteriorated = unchanged = 0;
            foreach (var c in change)
            {
                double rci = c / denominator;
                double better = higherIsBetter ? rci : -rci;
                if (better > 1.96)
                {
                    improved++;
                }
                else if (better < -1.96)
                {
                    deteriorated++;
                }
                else
                {
                    unchanged++;
                }
            }
        }

        return new ChangeStatistics(n, meanFrom, meanTo, meanChange, sd, ciLow, ciHigh, p, dz, improved, deteriorated, unchanged);
    }
}
