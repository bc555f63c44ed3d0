using Evaluation.Domain.Values;

namespace Evaluation.Domain.Courses;

/// <summary>One questionnaire answered at one wave (SPEC §2). Item values are raw (before reverse scoring); absent = missing.</summary>
public sealed record Answer(string CourseId, Wave Wave, DateOnly? AnsweredDate, IReadOnlyDictionary<string, double> Items);
