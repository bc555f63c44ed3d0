namespace Evaluation.Domain.Courses;

/// <summary>One shelter stay of a person (SPEC §2).</summary>
public sealed record ShelterStay(string PersonKey, string ShelterId, DateOnly EntryDate, DateOnly? ExitDate);
