using Evaluation.Domain.Values;

namespace Evaluation.Domain.Courses;

/// <summary>One own-home tenancy of a person (SPEC §2); no end date = ongoing.</summary>
public sealed record Tenancy(string PersonKey, DateOnly StartDate, DateOnly? EndDate, TenancyEndReason? EndReason);
