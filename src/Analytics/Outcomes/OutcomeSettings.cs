namespace Evaluation.Analytics.Outcomes;

/// <summary>Settings of the outcome statistics (SPEC §5).</summary>
public sealed record OutcomeSettings
{
    /// <summary>
    /// The national reference share of high loneliness (0–1). Default 12.4%: adults 16+ with a Three-Item
    /// Loneliness Scale score of 7–9 in the Danish national health profile, Danskernes Sundhed 2021 (SPEC §5);
    /// configured empty, no reference is shown.
    /// </summary>
    public double? LonelinessReference { get; init; } = 0.124;

    /// <summary>Where the reference comes from, e.g. "Danskernes Sundhed 2021, fraskilte kvinder 30–44 år" (for the method notes).</summary>
    public string? LonelinessReferenceLabel { get; init; }

    /// <summary>Bootstrap resamples for the IPW interval (SPEC: at least 500).</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>
    /// The propensity model of the group comparison and the adjusted survival curves
    /// (<c>Outcomes:PropensityModel</c>: <c>logistic</c>, the default, reproduces glm; <c>boosted</c>).
    /// </summary>
    public PropensityModelKind PropensityModel { get; init; } = PropensityModelKind.Logistic;

    /// <summary>The bootstrap seed: the same data and seed give the same interval.</summary>
    public int BootstrapSeed { get; init; } = 20161;

    /// <summary>How far from moving-in day the index tenancy may start, and the longest gap between chained tenancies.</summary>
    public int TenancyWindowDays { get; init; } = 14;

    /// <summary>A stay starting at most this many days after the previous one ends is the same stay (a transfer).</summary>
    public int SameStayGapDays { get; init; } = 1;
}
