using Evaluation.Domain.Values;

namespace Evaluation.Domain.Courses;

/// <summary>One contact between worker and citizen (SPEC §2).</summary>
public sealed record Contact(string CourseId, DateOnly Date, ContactKind Kind, int? Minutes, string? WorkerId);
