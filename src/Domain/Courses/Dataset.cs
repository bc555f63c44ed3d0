namespace Evaluation.Domain.Courses;

/// <summary>Everything the analytics need, in memory: read from the database or from an inbox-like folder.</summary>
public sealed record Dataset(
    IReadOnlyList<Course> Courses,
    IReadOnlyList<Checklist> Checklists,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<Plan> Plans,
    IReadOnlyList<Answer> Answers,
    IReadOnlyList<ShelterStay> ShelterStays,
    IReadOnlyList<Tenancy> Tenancies,
    IReadOnlyList<StaffMember> Staff)
{
    public static Dataset Empty { get; } = new([], [], [], [], [], [], [], []);
}
