using Evaluation.Analytics.Statistics;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Outcomes;

/// <summary>
/// CTI vs KR difference in change (baseline → end), adjusted by inverse probability weights
/// (SPEC §5). The propensity of CTI comes from an unpenalised logistic regression of group on age
/// in whole years at contact start, children (0/1), the baseline score and municipality indicators
/// (the alphabetically first municipality as reference), among courses with valid baseline and end
/// scores. Weights 1/p (CTI) and 1/(1 − p) (KR) are normalised to sum to 1 within each group;
/// ate = Σ w·change (CTI) − Σ w·change (KR). The interval is the 2.5 and 97.5 percentiles (R's
/// type 7) of the ate over seeded bootstrap resamples of courses, refitting the propensity model
/// in each. Balance: standardised mean differences with the pooled unweighted SD,
/// (mean_CTI − mean_KR) / √((var_CTI + var_KR) / 2), before and after weighting.
/// </summary>
public sealed class GroupComparison(OutcomeSettings settings)
{
    /// <summary>One course in the comparison: its covariates, group and change.</summary>
    public sealed record Unit(double[] Covariates, bool Cti, double Change);

    public ComparisonRow Compare(Instrument instrument, ScoredWaves scored)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(scored);
        var pairs = scored.Of(instrument)
            .Where(s => s.Wave == Wave.Baseline)
            .Select(b => (Baseline: b, End: scored.Of(instrument, b.Course.CourseId, Wave.End)))
            .Where(p => p.End is not null && p.Baseline.Course.ContactStart is not null)
            .OrderBy(p => p.Baseline.Course.CourseId, StringComparer.Ordinal)
            .ToList();
        var municipalities = pairs.Select(p => p.Baseline.Course.Municipality).Distinct().Order(StringComparer.Ordinal).ToList();
        var names = new List<string> { "age", "children", "baseline" };
        names.AddRange(municipalities.Skip(1).Select(m => "municipality_" + m));
        var units = pairs.Select(p =>
        {
            var course = p.Baseline.Course;
            var covariates = new List<double>
            {
                AgeInWholeYears(course.BirthDate, course.ContactStart!.Value),
                course.Children > 0 ? 1 : 0,
                p.Baseline.Score,
            };
            covariates.AddRange(municipalities.Skip(1).Select(m => course.Municipality == m ? 1.0 : 0.0));
            return new Unit(covariates.ToArray(), course.Group == Group.Cti, p.End!.Score - p.Baseline.Score);
        }).ToList();

        return Compare(instrument.Code, names, units);
    }

    /// <summary>The comparison on prepared units (public for tests against R on the same table).</summary>
    public ComparisonRow Compare(string instrument, IReadOnlyList<string> covariateNames, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(covariateNames);
        ArgumentNullException.ThrowIfNull(units);
        int nCti = units.Count(u => u.Cti), nKr = units.Count - nCti;
        var weights = Weights(units);
        var before = covariateNames.Select((name, j) => (name, Smd(units, j, null))).ToDictionary(x => x.name, x => x.Item2);
        var after = covariateNames.Select((name, j) => (name, weights is null ? null : Smd(units, j, weights))).ToDictionary(x => x.name, x => x.Item2);
        double? ate = weights is null ? null : Ate(units, weights);
        double? low = null, high = null;
        if (ate is not null)
        {
            var random = new Random(settings.BootstrapSeed);
            var estimates = new List<double>(settings.BootstrapResamples);
            var sample = new Unit[units.Count];
            for (int b = 0; b < settings.BootstrapResamples; b++)
            {
                for (int i = 0; i < sample.Length; i++)
                {
                    sample[i] = units[random.Next(units.Count)];
                }

                // A resample without one of the groups, or with separation, has no estimate.
                if (Weights(sample) is { } w)
                {
                    estimates.Add(Ate(sample, w));
                }
            }

            if (estimates.Count > 0)
            {
                low = Descriptive.Quantile(estimates, 0.025);
                high = Descriptive.Quantile(estimates, 0.975);
            }
        }

        return new ComparisonRow(instrument, ate, low, high, nCti, nKr, before, after);
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

    /// <summary>Normalised inverse probability weights, or null when the propensity model cannot be fitted.</summary>
    public static double[]? Weights(IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (!units.Any(u => u.Cti) || units.All(u => u.Cti))
        {
            return null;
        }

        var beta = LogisticRegression.Fit(units.Select(u => u.Covariates).ToList(), units.Select(u => u.Cti ? 1.0 : 0.0).ToList());
        if (beta is null)
        {
            return null;
        }

        var w = new double[units.Count];
        double sumCti = 0, sumKr = 0;
        for (int i = 0; i < units.Count; i++)
        {
            double p = LogisticRegression.Predict(beta, units[i].Covariates);
            w[i] = units[i].Cti ? 1 / p : 1 / (1 - p);
            if (units[i].Cti)
            {
                sumCti += w[i];
            }
            else
            {
                sumKr += w[i];
            }
        }

        for (int i = 0; i < units.Count; i++)
        {
            w[i] /= units[i].Cti ? sumCti : sumKr;
        }

        return w;
    }

    private static double Ate(IReadOnlyList<Unit> units, double[] weights)
    {
        double ate = 0;
        for (int i = 0; i < units.Count; i++)
        {
            ate += (units[i].Cti ? 1 : -1) * weights[i] * units[i].Change;
        }

        return ate;
    }

    /// <summary>Standardised mean difference of covariate j; weighted means when weights are given, always the unweighted pooled SD.</summary>
    private static double? Smd(IReadOnlyList<Unit> units, int j, double[]? weights)
    {
        var cti = units.Where(u => u.Cti).Select(u => u.Covariates[j]).ToList();
        var kr = units.Where(u => !u.Cti).Select(u => u.Covariates[j]).ToList();
        if (cti.Count < 2 || kr.Count < 2)
        {
            return null;
        }

        double pooled = Math.Sqrt((Descriptive.Variance(cti) + Descriptive.Variance(kr)) / 2);
        if (pooled == 0)
        {
            return null;
        }

        double meanCti, meanKr;
        if (weights is null)
        {
            (meanCti, meanKr) = (cti.Average(), kr.Average());
        }
        else
        {
            (meanCti, meanKr) = (0, 0);
            for (int i = 0; i < units.Count; i++)
            {
                if (units[i].Cti)
                {
                    meanCti += weights[i] * units[i].Covariates[j];
                }
                else
                {
                    meanKr += weights[i] * units[i].Covariates[j];
                }
            }
        }

        return (meanCti - meanKr) / pooled;
    }
}
