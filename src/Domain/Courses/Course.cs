using Evaluation.Domain.Values;

namespace Evaluation.Domain.Courses;

/// <summary>
/// One course (forløb), SPEC §2. The person is known only by a keyed pseudonym and the birth
/// date derived from the CPR number; the CPR itself is never kept.
/// </summary>
public sealed record Course(
    string CourseId,
    string PersonKey,
    DateOnly BirthDate,
    char Sex,
    string Municipality,
    Group Group,
    string? WorkerId,
    DateOnly? ShelterExitDate,
    DateOnly? MoveInDate,
    DateOnly? ContactStart,
    DateOnly? Phase1Start,
    DateOnly? Phase2Start,
    DateOnly? Phase3Start,
    DateOnly? EndDate,
    EndReason? EndReason,
    int? Children);
