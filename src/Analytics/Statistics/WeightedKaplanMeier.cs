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
        var ordered = observations.Where(o => o.Weight > 0).OrderBy(o => o.Time).ToList();
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
