using System.Text.Json.Serialization;

namespace Evaluation.Analytics.Outcomes;

/// <summary>Change in one instrument from one wave to another, for one municipality (or ALL) and group (SPEC §5).</summary>
public sealed record ChangeRow(
    string Instrument,
    string Municipality,
    string Group,
    string From,
    string To,
    int N,
    double? MeanFrom,
    double? MeanTo,
    double? MeanChange,
    double? SdChange,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    [property: JsonPropertyName("d_z")] double? Dz,
    int? Improved,
    int? Deteriorated,
    int? Unchanged);

/// <summary>The share with high loneliness (LONELY3 in its "high loneliness" band) at one wave, beside the national reference.</summary>
public sealed record LonelinessRow(string Municipality, string Group, string Wave, int N, double? Share, double? Reference);

/// <summary>The share answering yes to "exposed to violence since last wave" at one wave (SPEC §5: SAFETY reports shares).</summary>
public sealed record SafetyRow(string Municipality, string Group, string Wave, int N, double? Share);

/// <summary>The four fixed effects of <c>score ~ months * group_cti + (1 | course)</c>.</summary>
public sealed record FixedEffects(double? Intercept, double? Months, double? GroupCti, double? MonthsGroupCti);

/// <summary>A trajectory model for one instrument and municipality (or ALL), both groups (SPEC §5).</summary>
public sealed record TrajectoryRow(
    string Instrument,
    string Municipality,
    FixedEffects Fixed,
    FixedEffects Se,
    double? VarCourse,
    double? VarResidual,
    int NObs,
    int NCourses);

/// <summary>
/// CTI vs KR difference in change, baseline → end, weighted by inverse probability of group (SPEC §5
/// "Group comparison"; keys as SPEC §6). <see cref="Model"/> is <c>logistic</c> or <c>boosted</c>;
/// <see cref="Note"/> says why a statistic is <c>null</c>. The propensity scores of the courses in the
/// comparison, per group, are kept for the report's overlap chart and never written to JSON.
/// </summary>
public sealed record ComparisonRow(
    string Instrument,
    string Model,
    double? Ate,
    double? CiLow,
    double? CiHigh,
    int NCti,
    int NKr,
    int NExcluded,
    IReadOnlyList<string> ExcludedMunicipalities,
    IReadOnlyList<string> Aliased,
    double? EssCti,
    double? EssKr,
    double? MaxWeightCti,
    double? MaxWeightKr,
    IReadOnlyDictionary<string, double?> SmdBefore,
    IReadOnlyDictionary<string, double?> SmdAfter,
    IReadOnlyDictionary<string, double?> VarianceRatioAfter,
    string? Note)
{
    /// <summary>Propensity scores (probability of CTI) of the CTI courses in the comparison.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> PropensityCti { get; init; } = [];

    /// <summary>Propensity scores (probability of CTI) of the KR courses in the comparison.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> PropensityKr { get; init; } = [];
}

/// <summary>Propensity-weighted Kaplan–Meier housing retention for ALL, one row per group (SPEC §5 "Adjusted survival").</summary>
public sealed record HousingRetentionAdjustedRow(
    string Group,
    int N,
    [property: JsonPropertyName("s_180")] double? S180,
    [property: JsonPropertyName("s_365")] double? S365,
    [property: JsonPropertyName("ci_low_365")] double? CiLow365,
    [property: JsonPropertyName("ci_high_365")] double? CiHigh365);

/// <summary>Propensity-weighted Kaplan–Meier cumulative incidence of a repeat shelter stay for ALL, one row per group (SPEC §5 "Adjusted survival").</summary>
public sealed record RepeatShelterAdjustedRow(
    string Group,
    int N,
    [property: JsonPropertyName("cuminc_365")] double? Cuminc365,
    [property: JsonPropertyName("ci_low_365")] double? CiLow365,
    [property: JsonPropertyName("ci_high_365")] double? CiHigh365);

/// <summary>Kaplan–Meier housing retention from moving-in day (SPEC §5).</summary>
public sealed record HousingRetentionRow(
    string Municipality,
    string Group,
    int N,
    int Events,
    [property: JsonPropertyName("s_180")] double? S180,
    [property: JsonPropertyName("s_365")] double? S365,
    [property: JsonPropertyName("ci_low_365")] double? CiLow365,
    [property: JsonPropertyName("ci_high_365")] double? CiHigh365);

/// <summary>Kaplan–Meier cumulative incidence of a repeat shelter stay after the shelter exit, and the plain one-year count (SPEC §5).</summary>
public sealed record RepeatShelterRow(
    string Municipality,
    string Group,
    int N,
    int Events,
    [property: JsonPropertyName("cuminc_365")] double? Cuminc365,
    [property: JsonPropertyName("ci_low_365")] double? CiLow365,
    [property: JsonPropertyName("ci_high_365")] double? CiHigh365,
    [property: JsonPropertyName("n_followed_365")] int NFollowed365,
    [property: JsonPropertyName("n_repeat_365")] int NRepeat365);

/// <summary>Courses left out of the survival analyses, and why (the data-quality report).</summary>
public sealed record LeftOut(int HousingNoMoveInDate, int HousingNoIndexTenancy, int ShelterNoExitDate, int ShelterNoIndexStay);

/// <summary>The <c>outcomes --json</c> document (SPEC §6).</summary>
public sealed record OutcomesReport(
    string AsOf,
    IReadOnlyList<ChangeRow> Change,
    IReadOnlyList<LonelinessRow> LonelinessHigh,
    IReadOnlyList<SafetyRow> Safety,
    IReadOnlyList<TrajectoryRow> Trajectory,
    IReadOnlyList<ComparisonRow> Comparison,
    IReadOnlyList<HousingRetentionAdjustedRow> HousingRetentionAdjusted,
    IReadOnlyList<RepeatShelterAdjustedRow> RepeatShelterAdjusted,
    IReadOnlyList<HousingRetentionRow> HousingRetention,
    IReadOnlyList<RepeatShelterRow> RepeatShelter,
    LeftOut LeftOut);
