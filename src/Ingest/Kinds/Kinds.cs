namespace Evaluation.Ingest.Kinds;

/// <summary>The one instance of each kind definition.</summary>
public static class AllKinds
{
    public static CoursesKind Courses { get; } = new();

    public static ChecklistsKind Checklists { get; } = new();

    public static ContactsKind Contacts { get; } = new();

    public static PlansKind Plans { get; } = new();

    public static AnswersKind Answers { get; } = new();

    public static ShelterStaysKind ShelterStays { get; } = new();

    public static TenanciesKind Tenancies { get; } = new();

    public static StaffKind Staff { get; } = new();
}
