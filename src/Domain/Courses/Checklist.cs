using Evaluation.Domain.Values;

namespace Evaluation.Domain.Courses;

/// <summary>One filled-in checklist at a phase transition (SPEC §2, §4). Items absent from the file are absent here.</summary>
public sealed record Checklist(
    string CourseId,
    ChecklistKind Kind,
    DateOnly? Date,
    string? WorkerId,
    IReadOnlyDictionary<string, ItemAnswer> Items);
