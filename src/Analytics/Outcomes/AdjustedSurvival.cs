using Evaluation.Analytics.Statistics;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Outcomes;

/// <summary>
/// Propensity-weighted Kaplan–Meier curves for ALL (SPEC §5 "Adjusted survival"): among the courses
/// in the survival analysis (those with an index tenancy, or an index shelter stay) and a contact
/// start (for the age), weights from the configured propensity model on age in whole years at
/// contact start, children (0/1) and municipality, with the comparison's common support
/// (<see cref="PropensityWeighting"/>), normalised within group; then <see cref="WeightedKaplanMeier"/>
/// per group, as R's <c>survfit(..., weights = w)</c>. The 95% interval at 365 days is the 2.5 and
/// 97.5 percentiles over seeded bootstrap resamples of courses, each repeating the weighting.
/// </summary>
public sealed class AdjustedSurvival(OutcomeSettings settings)
{
    /// <summary>The covariates besides municipality.</summary>
    public static readonly IReadOnlyList<string> CovariateNames = ["age", "children"];

    /// <summary>Housing retention: s_180, s_365 per group, interval at 365 days.</summary>
    public IReadOnlyList<HousingRetentionAdjustedRow> HousingRetention(IReadOnlyList<(Course Course, double Time, bool Event)> observations)
    {
        var result = Compute(Followed(observations), cumulative: false);
        return result.Select(g => new HousingRetentionAdjustedRow(g.Group, g.N, g.S180, g.S365, g.Low, g.High)).ToList();
    }

    /// <summary>Repeat shelter stays: cuminc_365 = 1 − S(365) per group, with its interval.</summary>
    public IReadOnlyList<RepeatShelterAdjustedRow> RepeatShelter(IReadOnlyList<(Course Course, double Time, bool Event)> observations)
    {
        var result = Compute(Followed(observations), cumulative: true);
        return result.Select(g => new RepeatShelterAdjustedRow(g.Group, g.N, g.S365, g.Low, g.High)).ToList();
    }

    /// <summary>The courses with a contact start (for the age), as units to weigh with their follow-up.</summary>
    public static List<(PropensityUnit Unit, double Time, bool Event)> Followed(IReadOnlyList<(Course Course, double Time, bool Event)> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return observations.Where(o => o.Course.ContactStart is not null)
            .Select(o => (new PropensityUnit(o.Course.Municipality,
                [GroupComparison.AgeInWholeYears(o.Course.BirthDate, o.Course.ContactStart!.Value), o.Course.Children > 0 ? 1 : 0],
                o.Course.Group == Group.Cti), o.Time, o.Event))
            .ToList();
    }

    /// <summary>
    /// Per group (CTI, KR): the number of courses in the analysis, the weighted S(180) and S(365) (or
    /// 1 − S when <paramref name="cumulative"/>) and the bootstrap interval of the value at 365 days.
    /// </summary>
    public IReadOnlyList<(string Group, int N, double? S180, double? S365, double? Low, double? High)> Compute(IReadOnlyList<(PropensityUnit Unit, double Time, bool Event)> followed, bool cumulative)
    {
        ArgumentNullException.ThrowIfNull(followed);
        followed = followed.OrderBy(f => f.Time).ToList(); // once, so the curves of every resample need no sorting
        var units = followed.Select(f => f.Unit).ToList();
        var model = PropensityModel.For(settings.PropensityModel, settings.BootstrapSeed);
        var sample = new PropensitySample(units, CovariateNames);
        var main = PropensityWeighting.Weigh(sample, model);
        double? Value(double? s) => s is null ? null : cumulative ? 1 - s : s;

        var curves = Curves(followed, units, main);

        // For the resamples: times, events and each group's courses in time order, made once.
        var time = followed.Select(f => f.Time).ToArray();
        var status = followed.Select(f => f.Event).ToArray();
        int[][] order = [Enumerable.Range(0, units.Count).Where(i => units[i].Cti).ToArray(), Enumerable.Range(0, units.Count).Where(i => !units[i].Cti).ToArray()];
        double?[] low = [null, null], high = [null, null];
        if (curves is not null)
        {
            var estimate = main.Estimate;
            var bootstrap = Bootstrap.Run(units.Count, settings.BootstrapResamples, settings.BootstrapSeed, 2, counts =>
            {
                var resample = PropensityWeighting.Weigh(sample, model, counts, estimate);
                if (resample.Weights is not { } w)
                {
                    return null;
                }

                for (int i = 0; i < w.Length; i++)
                {
                    w[i] *= resample.Frequency[i];
                }

                return [Value(WeightedKaplanMeier.SurvivalAt(order[0], time, status, w, 365)) ?? double.NaN,
                    Value(WeightedKaplanMeier.SurvivalAt(order[1], time, status, w, 365)) ?? double.NaN];
            });
            (low, high) = (bootstrap.Low, bootstrap.High);
        }

        var rows = new List<(string, int, double?, double?, double?, double?)>();
        for (int g = 0; g < 2; g++)
        {
            bool cti = g == 0;
            int n = main.Kept.Count(i => units[i].Cti == cti);
            rows.Add((Codes.Of(cti ? Group.Cti : Group.Kr), n, Value(curves?[g].At(180)), Value(curves?[g].At(365)), low[g], high[g]));
        }

        return rows;
    }

    /// <summary>The weighted curves of CTI and KR, or null when the weighting failed.</summary>
    private static WeightedKaplanMeier[]? Curves(IReadOnlyList<(PropensityUnit Unit, double Time, bool Event)> followed, List<PropensityUnit> units, PropensityWeighting weighting)
    {
        if (weighting.Weights is not { } w)
        {
            return null;
        }

        var byGroup = new[] { new List<(double, bool, double)>(), new List<(double, bool, double)>() };
        for (int i = 0; i < units.Count; i++)
        {
            if (weighting.Frequency[i] > 0)
            {
                byGroup[units[i].Cti ? 0 : 1].Add((followed[i].Time, followed[i].Event, w[i] * weighting.Frequency[i]));
            }
        }

        return [new WeightedKaplanMeier(byGroup[0]), new WeightedKaplanMeier(byGroup[1])];
    }
}
