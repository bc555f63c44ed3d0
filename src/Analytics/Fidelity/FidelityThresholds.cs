namespace Evaluation.Analytics.Fidelity;

/// <summary>
/// The thresholds of SPEC §4 (from the CTI method manual), configurable, with the manual's values as
/// defaults. The method notes print the values in use.
/// </summary>
public sealed record FidelityThresholds
{
    /// <summary>A finished phase is on time when it lasted this many days or more ...</summary>
    public int PhaseMinDays { get; init; } = 60;

    /// <summary>... and at most this many days.</summary>
    public int PhaseMaxDays { get; init; } = 120;

    /// <summary>Phase 1 may start at the earliest this many days before moving in.</summary>
    public int Phase1EarliestDaysBeforeMoveIn { get; init; } = 31;

    /// <summary>The handover meeting is held at least this many days before the end.</summary>
    public int HandoverDaysBeforeEnd { get; init; } = 30;

    /// <summary>A wave counts as documented when answered within this many days of its anchor date ...</summary>
    public int DocumentationWindowDays { get; init; } = 30;

    /// <summary>... and is due once its anchor date lies this many days before the as-of date.</summary>
    public int DocumentationDueAfterDays { get; init; } = 30;

    /// <summary>At most this many CTI courses per full-time worker (the manual: about 10).</summary>
    public double CaseloadLimit { get; init; } = 10;

    /// <summary>Course fidelity at or above this is "high".</summary>
    public double HighBand { get; init; } = 80;

    /// <summary>Course fidelity at or above this (and below high) is "moderate"; below it "low".</summary>
    public double ModerateBand { get; init; } = 60;

    /// <summary>The contact period is overdue this many days after leaving the shelter.</summary>
    public int ContactPeriodOverdueDays { get; init; } = 60;

    /// <summary>A phase is overdue when it has lasted more than this many days.</summary>
    public int PhaseOverdueDays { get; init; } = 120;

    public string Band(double fidelity) => fidelity >= HighBand ? "high" : fidelity >= ModerateBand ? "moderate" : "low";
}
