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
        var x = units.Select(u => u.Covariates).ToList();
        var y = units.Select(u => u.Cti ? 1.0 : 0.0).ToList();
        var all = Enumerable.Range(0, units.Count).ToArray();
        var beta = nCti == 0 || nKr == 0 ? null : LogisticRegression.Fit(x, y);
        var weights = beta is null ? null : Weights(units, all, beta);
        var before = covariateNames.Select((name, j) => (name, Smd(units, j, null))).ToDictionary(p => p.name, p => p.Item2);
        var after = covariateNames.Select((name, j) => (name, weights is null ? null : Smd(units, j, weights))).ToDictionary(p => p.name, p => p.Item2);
        double? ate = weights is null ? null : Ate(units, all, weights);
        double? low = null, high = null;
        if (ate is not null)
        {
            // Each resample has its own generator seeded from (seed, resample number), so the
            // interval is the same in every process (HashCode.Combine would not be: it is salted
            // per process) and
            // does not depend on how the resamples are spread over the cores.
            var estimates = new double?[settings.BootstrapResamples];
            Parallel.For(0, settings.BootstrapResamples, b =>
            {
                var random = new Random(unchecked((settings.BootstrapSeed * 1_000_003) + b));
                var rows = new int[units.Count];
                for (int i = 0; i < rows.Length; i++)
                {
                    rows[i] = random.Next(units.Count);
                }

                // A resample without one of the groups, or with separation, has no estimate.
                if (rows.Any(r => units[r].Cti) && !rows.All(r => units[r].Cti)
                    && LogisticRegression.Fit(x, y, rows, beta) is { } resampled)
                {
                    estimates[b] = Ate(units, rows, Weights(units, rows, resampled));
                }
            });
            var valid = estimates.Where(e => e is not null).Select(e => e!.Value).ToList();
            if (valid.Count > 0)
            {
                low = Descriptive.Quantile(valid, 0.025);
                high = Descriptive.Quantile(valid, 0.975);
            }
        }

        // Placeholder diagnostics until the comparison issue fills them (common support, aliasing, ESS).
        return new ComparisonRow(instrument, "logistic", ate, low, high, nCti, nKr, 0, [], [], null, null, null, null, before, after,
            new Dictionary<string, double?>(), beta is null ? "the propensity model did not converge" : null);
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

    /// <summary>Normalised inverse probability weights for the given rows (1/p for CTI, 1/(1 − p) for KR, each group summing to 1).</summary>
    private static double[] Weights(IReadOnlyList<Unit> units, int[] rows, double[] beta)
    {
        var w = new double[rows.Length];
        double sumCti = 0, sumKr = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            var unit = units[rows[r]];
            double p = LogisticRegression.Predict(beta, unit.Covariates);
            w[r] = unit.Cti ? 1 / p : 1 / (1 - p);
            if (unit.Cti)
            {
                sumCti += w[r];
            }
            else
            {
                sumKr += w[r];
            }
        }

        for (int r = 0; r < rows.Length; r++)
        {
            w[r] /= units[rows[r]].Cti ? sumCti : sumKr;
        }

        return w;
    }

    private static double Ate(IReadOnlyList<Unit> units, int[] rows, double[] weights)
    {
        double ate = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            var unit = units[rows[r]];
            ate += (unit.Cti ? 1 : -1) * weights[r] * unit.Change;
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
