using Evaluation.Analytics.Statistics;

namespace Evaluation.Analytics.Outcomes;

/// <summary>Which propensity model weights the groups (SPEC §5: <c>Outcomes:PropensityModel</c>).</summary>
public enum PropensityModelKind
{
    /// <summary>Unpenalised logistic regression, reproducing R's glm (the default).</summary>
    Logistic,

    /// <summary>Gradient-boosted trees (Microsoft.ML FastTree), the number of trees chosen by twang's es.mean rule.</summary>
    Boosted,
}

/// <summary>
/// A propensity model's estimate on one sample: the probability of CTI per row of the design (NaN
/// for rows not in the sample; the whole array null when there is no estimate, with the reason in <see cref="Failure"/>) and the columns it dropped as
/// aliased (by name, in column order).
/// </summary>
public sealed record PropensityEstimate(double[]? Probabilities, IReadOnlyList<string> Aliased, string? Failure)
{
    /// <summary>The logistic coefficients by column name, to start a resample's fit from.</summary>
    public IReadOnlyDictionary<string, double>? Coefficients { get; init; }

    /// <summary>The number of trees the boosted model chose.</summary>
    public int? Trees { get; init; }
}

/// <summary>The probability of CTI given the covariates, estimated on a design with municipality indicators (SPEC §5).</summary>
public abstract class PropensityModel
{
    /// <summary>The name reported in <c>model</c>.</summary>
    public abstract string Name { get; }

    public static PropensityModel For(PropensityModelKind kind, int seed) => kind switch
    {
        PropensityModelKind.Logistic => new LogisticPropensityModel(),
        PropensityModelKind.Boosted => new BoostedPropensityModel(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <param name="design">The rows (each counted <paramref name="frequency"/> times when given).</param>
    /// <param name="columns">Column names, intercept first.</param>
    /// <param name="frequency">How often each row is in the sample (a bootstrap resample), or null for once.</param>
    /// <param name="start">The estimate on the whole sample, when this is a resample (the logistic model starts from its coefficients; the boosted model keeps its propensities).</param>
    public abstract PropensityEstimate Estimate(IndicatorDesign design, IReadOnlyList<string> columns, int[]? frequency, PropensityEstimate? start);
}

/// <summary>
/// The logistic propensity model: <see cref="LogisticRegression"/>, glm's estimate, aliased columns
/// dropped. A bootstrap resample starts from the whole sample's coefficients and stops at glm's own
/// tolerance (1e-8) rather than the reported fit's 1e-12: its estimate only feeds a percentile.
/// </summary>
public sealed class LogisticPropensityModel : PropensityModel
{
    public override string Name => "logistic";

    public override PropensityEstimate Estimate(IndicatorDesign design, IReadOnlyList<string> columns, int[]? frequency, PropensityEstimate? start)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(columns);
        double[]? warm = start?.Coefficients is { } previous ? columns.Select(c => previous.GetValueOrDefault(c, 0)).ToArray() : null;
        var fit = LogisticRegression.Fit(design, frequency, warm, start is null ? LogisticRegression.Epsilon : 1e-8);
        var aliased = fit.Aliased.Select(j => columns[j]).ToList();
        if (!fit.Converged)
        {
            return new PropensityEstimate(null, aliased, fit.Status == LogisticStatus.Separation
                ? "the propensity model did not converge (separation: fitted probabilities numerically 0 or 1)"
                : "the propensity model did not converge");
        }

        var p = new double[design.Rows];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = frequency is not null && frequency[i] == 0 ? double.NaN : fit.Predict(design, i);
        }

        return new PropensityEstimate(p, aliased, null)
        {
            Coefficients = columns.Select((c, j) => (c, j)).Where(x => !double.IsNaN(fit.Coefficients[x.j])).ToDictionary(x => x.c, x => fit.Coefficients[x.j]),
        };
    }
}
