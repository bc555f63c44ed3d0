namespace Evaluation.Analytics.Statistics;

/// <summary>
/// The Kaplan–Meier estimator with case weights, as R's <c>survfit(Surv(time, status) ~ 1, weights = w)</c>
/// computes the curve: at each event time t, S(t) = S(t−) × (1 − d_w / n_w), with d_w the summed
/// weight of the events at t and n_w the summed weight of those still at risk (time ≥ t). Events at a
/// time come before censorings at that time. The curve is unchanged by rescaling the weights, so
/// weights normalised within a group give the same curve as the raw ones. (Intervals come from the
/// bootstrap, not from a variance formula.)
/// </summary>
public sealed class WeightedKaplanMeier
{
    private readonly List<(double Time, double Survival)> steps = [];

    public WeightedKaplanMeier(IReadOnlyList<(double Time, bool Event, double Weight)> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var ordered = observations.Where(o => o.Weight > 0).ToList();
        if (!IsSorted(ordered))
        {
            ordered = ordered.OrderBy(o => o.Time).ToList(); // stable; callers that sort once (the bootstrap) skip this
        }

        MaxTime = ordered.Count == 0 ? 0 : ordered[^1].Time;
        Count = ordered.Count;

        // Weight at risk as suffix sums (not by subtraction, which would drift).
        var atRisk = new double[ordered.Count + 1];
        for (int i = ordered.Count - 1; i >= 0; i--)
        {
            atRisk[i] = atRisk[i + 1] + ordered[i].Weight;
        }

        double survival = 1;
        for (int i = 0; i < ordered.Count;)
        {
            int j = i;
            double events = 0;
            while (j < ordered.Count && ordered[j].Time == ordered[i].Time)
            {
                events += ordered[j].Event ? ordered[j].Weight : 0;
                j++;
            }

            if (events > 0)
            {
                survival *= 1 - (events / atRisk[i]);
                steps.Add((ordered[i].Time, survival));
            }

            i = j;
        }
    }

    /// <summary>
    /// S(<paramref name="at"/>) of the weighted curve without building it (for bootstrap resamples):
    /// <paramref name="order"/> lists observations in time order; those with weight 0 are not in the
    /// sample. Null when there are none or <paramref name="at"/> lies beyond the longest follow-up.
    /// </summary>
    public static double? SurvivalAt(IReadOnlyList<int> order, double[] time, bool[] status, double[] weight, double at)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(weight);
        double atRisk = 0, maxTime = double.NegativeInfinity;
        foreach (var i in order)
        {
            if (weight[i] > 0)
            {
                atRisk += weight[i];
                maxTime = time[i];
            }
        }

        if (atRisk == 0 || at > maxTime)
        {
            return null;
        }

        double survival = 1;
        for (int k = 0; k < order.Count && time[order[k]] <= at;)
        {
            double t = time[order[k]], events = 0, leaving = 0;
            for (; k < order.Count && time[order[k]] == t; k++)
            {
                double w = weight[order[k]];
                leaving += w;
                events += status[order[k]] ? w : 0;
            }

            if (events > 0)
            {
                survival *= 1 - (events / atRisk);
            }

            atRisk -= leaving;
        }

        return survival;
    }

    private static bool IsSorted(List<(double Time, bool Event, double Weight)> observations)
    {
        for (int i = 1; i < observations.Count; i++)
        {
            if (observations[i].Time < observations[i - 1].Time)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Observations with a positive weight.</summary>
    public int Count { get; }

    /// <summary>The largest follow-up time, event or censored.</summary>
    public double MaxTime { get; }

    /// <summary>The event times with the survival just after each, for step curves.</summary>
    public IReadOnlyList<(double Time, double Survival)> Curve => steps;

    /// <summary>Survival at time t (events at t included), or null beyond the longest follow-up (as summary.survfit reports no row there).</summary>
    public double? At(double time)
    {
        if (Count == 0 || time > MaxTime)
        {
            return null;
        }

        double survival = 1;
        foreach (var (t, s) in steps)
        {
            if (t > time)
            {
                break;
            }

            survival = s;
        }

        return survival;
    }
}
