namespace Evaluation.Analytics.Statistics;

/// <summary>Means, sample standard deviations (n − 1) and R's default (type 7) quantiles.</summary>
public static class Descriptive
{
    public static double Mean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Count;
    }

    /// <summary>Sample standard deviation, two-pass for accuracy.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        double mean = Mean(values);
        double ss = 0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return Math.Sqrt(ss / (values.Count - 1));
    }

    /// <summary>Sample variance (n − 1).</summary>
    public static double Variance(IReadOnlyList<double> values)
    {
        double sd = StandardDeviation(values);
        return sd * sd;
    }

    /// <summary>R's <c>quantile(x, p, type = 7)</c>: linear interpolation between order statistics.</summary>
    public static double Quantile(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
