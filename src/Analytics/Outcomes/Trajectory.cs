using Evaluation.Analytics.Statistics;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Outcomes;

/// <summary>
/// The trajectory model of SPEC §5 for one instrument: <c>score ~ months * group_cti + (1 | course)</c>
/// by REML over all waves and both groups, months = (answered date − contact start) in days ÷ 30.4375.
/// </summary>
public static class Trajectory
{
    public const double DaysPerMonth = 30.4375;

    public static TrajectoryRow Fit(Instrument instrument, string municipality, ScoredWaves scored)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(scored);
        return Fit(instrument, municipality, scored.Of(instrument).Where(s => municipality == OutcomesCalculator.All || s.Course.Municipality == municipality));
    }

    /// <summary>
    /// The fit on the instrument's scores already chosen for <paramref name="municipality"/> (all of them for ALL), in
    /// <see cref="ScoredWaves.Of(Instrument)"/> order, so a run can group the scores by municipality once instead of
    /// scanning every score per municipality.
    /// </summary>
    public static TrajectoryRow Fit(Instrument instrument, string municipality, IEnumerable<WaveScore> scores)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(scores);
        var rows = new List<(string, double[], double)>();
        foreach (var s in scores)
        {
            if (s.AnsweredDate is not { } answered || s.Course.ContactStart is not { } start)
            {
                continue;
            }

            double months = (answered.DayNumber - start.DayNumber) / DaysPerMonth;
            double cti = s.Course.Group == Group.Cti ? 1 : 0;
            rows.Add((s.Course.CourseId, [1, months, cti, months * cti], s.Score));
        }

        // A stable order makes the fit independent of dictionary order.
        rows.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var c && c != 0 ? c : a.Item2[1].CompareTo(b.Item2[1]));
        int courses = rows.Select(r => r.Item1).Distinct().Count();
        var fit = RandomInterceptModel.Fit(rows);
        if (fit is null)
        {
            var none = new FixedEffects(null, null, null, null);
            return new TrajectoryRow(instrument.Code, municipality, none, none, null, null, rows.Count, courses);
        }

        return new TrajectoryRow(
            instrument.Code,
            municipality,
            new FixedEffects(fit.Fixed[0], fit.Fixed[1], fit.Fixed[2], fit.Fixed[3]),
            new FixedEffects(fit.StandardErrors[0], fit.StandardErrors[1], fit.StandardErrors[2], fit.StandardErrors[3]),
            fit.VarianceCluster,
            fit.VarianceResidual,
            fit.Observations,
            fit.Clusters);
    }
}
