namespace Evaluation.Analytics.Fidelity;

/// <summary>The seven course components of SPEC §4, each 0–1, or null when not due yet.</summary>
public sealed record FidelityComponents(
    double? Checklists,
    double? PhaseTiming,
    double? Tapering,
    double? Plan,
    double? NeedsAssessment,
    double? Handover,
    double? Documentation)
{
    public IEnumerable<double?> Values() => [Checklists, PhaseTiming, Tapering, Plan, NeedsAssessment, Handover, Documentation];
}

/// <summary>A CTI course's fidelity (SPEC §4): 100 × the mean of its scored components, its band and the checklist items it misses.</summary>
public sealed record CourseFidelity(
    string CourseId,
    string Municipality,
    string? WorkerId,
    double? Fidelity,
    string? Band,
    FidelityComponents Components,
    IReadOnlyList<string> MissingItems);

/// <summary>A worker's fidelity (mean over courses with a score) and caseload beside it (SPEC §4).</summary>
public sealed record WorkerFidelity(
    string WorkerId,
    string Municipality,
    double? Fidelity,
    int Courses,
    double? CaseloadScore,
    double? MaxCaseload);

/// <summary>A municipality's fidelity (mean over courses with a score) and courses per band.</summary>
public sealed record MunicipalityFidelity(string Municipality, double? Fidelity, int Courses, int High, int Moderate, int Low);

/// <summary>An active CTI course on the phase board (SPEC §4).</summary>
public sealed record PhaseBoardEntry(string CourseId, string? WorkerId, string Phase, int DaysInPhase, bool Overdue);

/// <summary>One worker-month of caseload: active CTI courses on the 15th divided by FTE.</summary>
public sealed record CaseloadMonth(string WorkerId, DateOnly Month, int ActiveCourses, double Fte, double Caseload);

/// <summary>The <c>fidelity --json</c> document (SPEC §6).</summary>
public sealed record FidelityReport(
    string AsOf,
    IReadOnlyList<CourseFidelity> Courses,
    IReadOnlyList<WorkerFidelity> Workers,
    IReadOnlyList<MunicipalityFidelity> Municipalities,
    IReadOnlyList<PhaseBoardEntry> PhaseBoard);
