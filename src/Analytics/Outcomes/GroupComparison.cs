using Evaluation.Analytics.Statistics;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Outcomes;

/// <summary>
/// CTI vs KR difference in change (baseline → end), adjusted by inverse probability weights
/// (SPEC §5 "Group comparison"), among courses with valid baseline and end scores.
/// <list type="bullet">
/// <item>Common support, design, model and weights: <see cref="PropensityWeighting"/> on age in whole
/// years at contact start, children (0/1), the baseline score and municipality indicators; the
/// model is logistic (glm's estimate, aliased columns dropped and listed) or boosted
/// (<see cref="OutcomeSettings.PropensityModel"/>).</item>
/// <item>ate = Σ w·change (CTI) − Σ w·change (KR), weights normalised within group. The interval is
/// the 2.5 and 97.5 percentiles (R's type 7) of the ate over seeded bootstrap resamples of courses,
/// each repeating the whole procedure (common support, aliasing, refitting the model); resamples
/// with a group missing or no convergence are skipped and counted.</item>
/// <item>Balance: standardised mean differences with the pooled unweighted SD, before and after
/// weighting, for age, children, baseline and each municipality indicator
/// (<see cref="WeightedBalance.StandardisedMeanDifference"/>).</item>
/// <item>Diagnostics on the kept courses: Kish ESS (Σw)²/Σw² and the largest normalised weight per
/// group; variance ratios after weighting for age and baseline, CTI over KR, each the weighted
/// variance Σv(x − x̄)²/(1 − Σv²) (<see cref="WeightedBalance.VarianceRatio"/>).</item>
/// </list>
/// </summary>
public sealed class GroupComparison(OutcomeSettings settings)
{
    /// <summary>The covariates besides municipality, in the model's column order.</summary>
    public static readonly IReadOnlyList<string> CovariateNames = ["age", "children", "baseline"];

    /// <summary>One course in the comparison: its municipality, covariates, group and change.</summary>
    public sealed record Unit(string Municipality, double Age, double Children, double Baseline, bool Cti, double Change);

    public ComparisonRow Compare(Instrument instrument, ScoredWaves scored)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(scored);
        var units = scored.Of(instrument)
            .Where(s => s.Wave == Wave.Baseline)
            .Select(b => (Baseline: b, End: scored.Of(instrument, b.Course.CourseId, Wave.End)))
            .Where(p => p.End is not null && p.Baseline.Course.ContactStart is not null)
            .OrderBy(p => p.Baseline.Course.CourseId, StringComparer.Ordinal)
            .Select(p =>
            {
                var course = p.Baseline.Course;
                return new Unit(course.Municipality, AgeInWholeYears(course.BirthDate, course.ContactStart!.Value), course.Children > 0 ? 1 : 0,
                    p.Baseline.Score, course.Group == Group.Cti, p.End!.Score - p.Baseline.Score);
            })
            .ToList();
        return Compare(instrument.Code, units);
    }

    /// <summary>The comparison on prepared units (public for tests against R on the same table).</summary>
    public ComparisonRow Compare(string instrument, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var model = PropensityModel.For(settings.PropensityModel, settings.BootstrapSeed);
        var propensityUnits = units.Select(u => new PropensityUnit(u.Municipality, [u.Age, u.Children, u.Baseline], u.Cti)).ToList();
        var sample = new PropensitySample(propensityUnits, CovariateNames);
        var main = PropensityWeighting.Weigh(sample, model);
        var cti = main.Kept.Where(i => units[i].Cti).ToArray();
        var kr = main.Kept.Where(i => !units[i].Cti).ToArray();

        var covariates = new List<(string Name, Func<Unit, double> Value)>
        {
            ("age", u => u.Age), ("children", u => u.Children), ("baseline", u => u.Baseline),
        };
        covariates.AddRange(main.Indicators.Select(m => (PropensityWeighting.IndicatorName(m), (Func<Unit, double>)(u => u.Municipality == m ? 1 : 0))));
        var w = main.Weights;
        var wCti = w is null ? null : cti.Select(r => w[r]).ToList();
        var wKr = w is null ? null : kr.Select(r => w[r]).ToList();
        var before = new Dictionary<string, double?>();
        var after = new Dictionary<string, double?>();
        foreach (var (name, value) in covariates)
        {
            var xCti = cti.Select(r => value(units[r])).ToList();
            var xKr = kr.Select(r => value(units[r])).ToList();
            before[name] = WeightedBalance.StandardisedMeanDifference(xCti, xKr);
            after[name] = w is null ? null : WeightedBalance.StandardisedMeanDifference(xCti, xKr, wCti, wKr);
        }

        var ratios = new Dictionary<string, double?>();
        foreach (var (name, value) in covariates.Where(c => c.Name is "age" or "baseline"))
        {
            ratios[name] = w is null ? null
                : WeightedBalance.VarianceRatio(cti.Select(r => value(units[r])).ToList(), wCti!, kr.Select(r => value(units[r])).ToList(), wKr!);
        }

        var change = units.Select(u => u.Change).ToArray();
        double? ate = w is null ? null : Ate(sample, change, main);
        double? low = null, high = null;
        string? note = units.Count == 0 ? "no courses with valid baseline and end scores" : main.Failure;
        if (ate is not null)
        {
            var estimate = main.Estimate;
            var result = Bootstrap.Run(units.Count, settings.BootstrapResamples, settings.BootstrapSeed, 1, counts =>
            {
                var resample = PropensityWeighting.Weigh(sample, model, counts, estimate);
                return resample.Weights is null ? null : [Ate(sample, change, resample)];
            });
            (low, high, note) = (result.Low[0], result.High[0], result.Note);
        }

        var p = main.Estimate?.Probabilities;
        return new ComparisonRow(
            instrument,
            model.Name,
            ate,
            low,
            high,
            cti.Length,
            kr.Length,
            units.Count - main.Kept.Length,
            main.ExcludedMunicipalities,
            main.Estimate?.Aliased ?? [],
            wCti is null ? null : WeightedBalance.EffectiveSampleSize(wCti),
            wKr is null ? null : WeightedBalance.EffectiveSampleSize(wKr),
            wCti?.Max(),
            wKr?.Max(),
            before,
            after,
            ratios,
            note)
        {
            PropensityCti = p is null ? [] : cti.Select(r => p[r]).ToList(),
            PropensityKr = p is null ? [] : kr.Select(r => p[r]).ToList(),
        };
    }

    public static int AgeInWholeYears(DateOnly birth, DateOnly on)
    {
        int age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            age--;
        }

        return age;
    }

    /// <summary>Σ w·change (CTI) − Σ w·change (KR), each course counted as often as it was drawn.</summary>
    private static double Ate(PropensitySample sample, double[] change, PropensityWeighting weighting)
    {
        double ate = 0;
        var w = weighting.Weights!;
        for (int i = 0; i < change.Length; i++)
        {
            ate += (sample.Cti[i] ? 1 : -1) * weighting.Frequency[i] * w[i] * change[i];
        }

        return ate;
    }
}
