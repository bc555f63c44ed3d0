namespace Evaluation.Domain.Courses;

/// <summary>One worker with employment period and full-time equivalent (SPEC §2).</summary>
public sealed record StaffMember(string WorkerId, string Municipality, double Fte, DateOnly? StartDate, DateOnly? EndDate);
