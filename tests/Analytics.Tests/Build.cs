using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Tests;

/// <summary>Small hand-made data for the analytics tests.</summary>
internal static class Build
{
    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Course Course(
        string id = "C1",
        Group group = Group.Cti,
        string municipality = "M",
        string? worker = "W1",
        string person = "P1",
        string birth = "1990-01-01",
        string? shelterExit = null,
        string? moveIn = null,
        string? contactStart = "2024-01-02",
        string? phase1 = null,
        string? phase2 = null,
        string? phase3 = null,
        string? end = null,
        EndReason? reason = null,
        int? children = 0) =>
        new(id, person, D(birth), 'F', municipality, group, worker,
            Opt(shelterExit), Opt(moveIn), Opt(contactStart), Opt(phase1), Opt(phase2), Opt(phase3), Opt(end), reason, children);

    public static Checklist Checklist(string course, ChecklistKind kind, params (string Item, ItemAnswer Answer)[] items) =>
        new(course, kind, null, null, items.ToDictionary(i => i.Item, i => i.Answer));

    public static Contact Contact(string course, string date, ContactKind kind = ContactKind.HomeVisit) =>
        new(course, D(date), kind, 60, "W1");

    public static IEnumerable<Contact> Contacts(string course, string from, int count, int everyDays)
    {
        var start = D(from);
        return Enumerable.Range(0, count).Select(i => new Contact(course, start.AddDays(i * everyDays), ContactKind.HomeVisit, 60, "W1"));
    }

    public static Plan Plan(string course, string date, int? goals, params string[] needsYes) =>
        new(course, D(date), goals, Evaluation.Domain.Courses.Plan.Domains.Select(d => (bool?)needsYes.Contains(d)).ToArray());

    public static Answer Answer(string course, Wave wave, string? date, params (string Item, double Value)[] items) =>
        new(course, wave, Opt(date), items.ToDictionary(i => i.Item, i => i.Value));

    public static Dataset Data(
        IEnumerable<Course> courses,
        IEnumerable<Checklist>? checklists = null,
        IEnumerable<Contact>? contacts = null,
        IEnumerable<Plan>? plans = null,
        IEnumerable<Answer>? answers = null,
        IEnumerable<ShelterStay>? stays = null,
        IEnumerable<Tenancy>? tenancies = null,
        IEnumerable<StaffMember>? staff = null) =>
        new(courses.ToList(), (checklists ?? []).ToList(), (contacts ?? []).ToList(), (plans ?? []).ToList(),
            (answers ?? []).ToList(), (stays ?? []).ToList(), (tenancies ?? []).ToList(), (staff ?? []).ToList());

    private static DateOnly? Opt(string? iso) => iso is null ? null : D(iso);
}
