namespace Evaluation.Domain.Courses;

/// <summary>
/// One version of the long-term plan with its needs assessment (SPEC §2). The seven domains are
/// in the order of <see cref="Domains"/>; a null entry is a domain left empty.
/// </summary>
public sealed record Plan(string CourseId, DateOnly Date, int? Goals, IReadOnlyList<bool?> Needs)
{
    /// <summary>The needs-assessment domains, as the column names of the plans file.</summary>
    public static readonly IReadOnlyList<string> Domains =
    [
        "housing", "mental_health", "physical_health", "economy", "network", "daily_activities", "education_employment",
    ];
}
