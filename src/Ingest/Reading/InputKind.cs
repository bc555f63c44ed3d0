namespace Evaluation.Ingest.Reading;

/// <summary>The eight kinds of input file (SPEC §2), named by the file-name prefix in English or Danish.</summary>
public enum InputKind
{
    Staff,
    Courses,
    Checklists,
    Contacts,
    Plans,
    Answers,
    ShelterStays,
    Tenancies,
}

public static class InputKinds
{
    // Order matters twice: longer prefixes first when matching, and ingest order follows the
    // enum (staff and courses before the rows that refer to courses).
    private static readonly (string Prefix, InputKind Kind)[] Prefixes =
    [
        ("shelter_stays", InputKind.ShelterStays),
        ("krisecenterophold", InputKind.ShelterStays),
        ("checklists", InputKind.Checklists),
        ("tjeklister", InputKind.Checklists),
        ("courses", InputKind.Courses),
        ("forloeb", InputKind.Courses),
        ("contacts", InputKind.Contacts),
        ("kontakter", InputKind.Contacts),
        ("plans", InputKind.Plans),
        ("planer", InputKind.Plans),
        ("answers", InputKind.Answers),
        ("besvarelser", InputKind.Answers),
        ("tenancies", InputKind.Tenancies),
        ("lejemaal", InputKind.Tenancies),
        ("staff", InputKind.Staff),
        ("medarbejdere", InputKind.Staff),
    ];

    /// <summary>The kind of a file from its name, or null when the name has no known prefix or extension.</summary>
    public static InputKind? FromFileName(string fileName)
    {
        var name = Path.GetFileName(fileName).ToLowerInvariant();
        if (!name.EndsWith(".csv", StringComparison.Ordinal) && !name.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var (prefix, kind) in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The snake_case name used in reports and JSON (<c>shelter_stays</c>).</summary>
    public static string Code(this InputKind kind) => kind switch
    {
        InputKind.ShelterStays => "shelter_stays",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
