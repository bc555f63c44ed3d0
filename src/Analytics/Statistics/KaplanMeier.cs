namespace Evaluation.Analytics.Statistics;

/// <summary>Survival at one time with its Greenwood standard error and 95% interval.</summary>
public sealed record SurvivalPoint(double Time, double Survival, double? StdErrLog, double? Lower, double? Upper);

/// <summary>
/// The Kaplan–Meier estimator with Greenwood's variance and the log-transformed 95% interval,
/// as R's <c>survival::survfit</c> gives by default (<c>conf.type = "log"</c>): the interval is
/// S × exp(±1.96 × se(log S)) with se(log S)² = Σ d / (n (n − d)), the upper limit capped at 1.
/// Events at a time come before censorings at that time.
/// </summary>
public sealed class KaplanMeier
{
    private readonly List<(double Time, double Survival, double VarLog, int AtRisk, int Events)> steps = [];

    public KaplanMeier(IReadOnlyList<(double Time, bool Event)> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        N = observations.Count;
        Events = observations.Count(o => o.Event);
        MaxTime = N == 0 ? 0 : observations.Max(o => o.Time);
        int atRisk = N;
        double survival = 1, varLog = 0;
        foreach (var group in observations.GroupBy(o => o.Time).OrderBy(g => g.Key))
        {
            int d = group.Count(o => o.Event);
            if (d > 0)
            {
                survival *= 1 - ((double)d / atRisk);
                varLog = d == atRisk ? double.PositiveInfinity : varLog + (d / ((double)atRisk * (atRisk - d)));
                steps.Add((group.Key, survival, varLog, atRisk, d));
            }

            atRisk -= group.Count();
        }
    }

    public int N { get; }

    public int Events { get; }

    /// <summary>The largest follow-up time, event or censored.</summary>
    public double MaxTime { get; }

    /// <summary>The event times with survival just after each, for step curves.</summary>
    public IReadOnlyList<SurvivalPoint> Curve => steps.Select(s => Point(s.Time, s.Survival, s.VarLog)).ToList();

    /// <summary>
    /// Survival at time t (events at t included), or null when t lies beyond the longest follow-up,
    /// where the curve is not estimated (R's summary.survfit reports no row there).
    /// </summary>
    public SurvivalPoint? At(double time)
    {
        if (N == 0 || time > MaxTime)
        {
            return null;
        }

        double survival = 1, varLog = 0;
        foreach (var s in steps)
        {
            if (s.Time > time)
            {
                break;
            }

            (survival, varLog) = (s.Survival, s.VarLog);
        }

        return Point(time, survival, varLog);
    }

    private static SurvivalPoint Point(double time, double survival, double varLog)
    {
        if (survival <= 0 || double.IsInfinity(varLog))
        {
            return new SurvivalPoint(time, survival, null, null, null);
        }

        double se = Math.Sqrt(varLog);
        return new SurvivalPoint(time, survival, se, survival * Math.Exp(-1.959963984540054 * se), Math.Min(1, survival * Math.Exp(1.959963984540054 * se)));
    }
}
