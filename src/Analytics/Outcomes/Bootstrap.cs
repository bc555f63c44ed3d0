using Evaluation.Analytics.Statistics;

namespace Evaluation.Analytics.Outcomes;

/// <summary>
/// Seeded nonparametric bootstrap over courses. Each resample has its own generator seeded from
/// (seed, resample number), so the result is the same in every process and on any number of
/// cores (HashCode.Combine would not do: it is salted per process). A resample is given as how
/// often each course was drawn.
/// </summary>
public static class Bootstrap
{
    /// <summary>
    /// The statistics (a vector) on each resample; a resample whose statistic is null failed
    /// (a group missing, no convergence) and is counted in <see cref="Result.Failed"/>.
    /// </summary>
    public static Result Run(int courses, int resamples, int seed, int dimensions, Func<int[], double[]?> statistic)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        var estimates = new double[]?[resamples];
        Parallel.For(0, resamples, b =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + b));
            var counts = new int[courses];
            for (int i = 0; i < courses; i++)
            {
                counts[random.Next(courses)]++;
            }

            estimates[b] = statistic(counts);
        });
        var low = new double?[dimensions];
        var high = new double?[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            var valid = estimates.Where(e => e is not null && double.IsFinite(e[d])).Select(e => e![d]).ToList();
            if (valid.Count > 0)
            {
                low[d] = Descriptive.Quantile(valid, 0.025);
                high[d] = Descriptive.Quantile(valid, 0.975);
            }
        }

        return new Result(resamples, estimates.Count(e => e is null), low, high);
    }

    /// <summary>The 2.5 and 97.5 percentiles (R's type 7) per statistic over the resamples that gave one.</summary>
    public sealed record Result(int Resamples, int Failed, double?[] Low, double?[] High)
    {
        /// <summary>A note when more than half of the resamples gave no estimate, else null.</summary>
        public string? Note => Failed * 2 > Resamples
            ? $"{Failed} of {Resamples} bootstrap resamples gave no estimate (a group missing or no convergence); the interval rests on the other {Resamples - Failed}"
            : null;
    }
}
