namespace Evaluation.Host.Platform.Board;

/// <summary>
/// A course on the phase board page: the published phase-board entry (SPEC §4) with its municipality,
/// the day its current phase started and the day the next transition is expected.
/// </summary>
/// <param name="CourseId">The course id from the input.</param>
/// <param name="Municipality">From the course's fidelity row.</param>
/// <param name="WorkerId">The course's CTI worker.</param>
/// <param name="Phase"><c>contact</c>, <c>phase1</c>, <c>phase2</c> or <c>phase3</c>.</param>
/// <param name="DaysInPhase">As published: as-of date − the phase's start date.</param>
/// <param name="PhaseStart">As-of date − days in phase: the fidelity calculation counts days from the phase's start (contact period: from <c>contact_start</c>).</param>
/// <param name="ExpectedTransition">Phase start + 90 days; contact period: shelter exit + 60 days, null when no shelter exit date is set.</param>
/// <param name="Overdue">As published (SPEC §4): more than 120 days in a phase, or more than 60 days past the shelter exit in the contact period.</param>
public sealed record PhaseRow(
    string CourseId,
    string Municipality,
    string? WorkerId,
    string Phase,
    int DaysInPhase,
    DateOnly PhaseStart,
    DateOnly? ExpectedTransition,
    bool Overdue);
