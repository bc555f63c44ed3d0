using System.Collections.Frozen;

namespace Evaluation.Domain.Values;

/// <summary>
/// The snake_case codes used in input files and JSON output for the domain enums, in one place
/// so that parsing and writing cannot drift apart. The tables are built once per enum: parsing
/// and writing codes sits on the ingest hot path.
/// </summary>
public static class Codes
{
    public static string Of(Group value) => Table<Group>.Names[(int)value];

    public static string Of(Wave value) => Table<Wave>.Names[(int)value];

    public static string Of(ChecklistKind value) => Table<ChecklistKind>.Names[(int)value];

    public static string Of(ItemAnswer value) => Table<ItemAnswer>.Names[(int)value];

    public static string Of(ContactKind value) => Table<ContactKind>.Names[(int)value];

    public static string Of(EndReason value) => Table<EndReason>.Names[(int)value];

    public static string Of(TenancyEndReason value) => Table<TenancyEndReason>.Names[(int)value];

    /// <summary>Parses a code (case-insensitive) of an enum.</summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum => Table<T>.ByName.TryGetValue(text, out value);

    /// <summary>All codes of an enum, for error messages that list the allowed values.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Table<T>.Names;

    private static string Code(Enum value) => value switch
    {
        Group g => g == Group.Cti ? "CTI" : "KR",
        ItemAnswer a => a switch
        {
            ItemAnswer.Yes => "yes",
            ItemAnswer.No => "no",
            _ => "na",
        },
        _ => Snake(value.ToString()),
    };

    private static string Snake(string pascal)
    {
        var chars = new List<char>(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            // A digit starts no word: M3 → m3.
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                chars.Add('_');
            }

            chars.Add(char.ToLowerInvariant(pascal[i]));
        }

        return new string(chars.ToArray());
    }

    private static class Table<T>
        where T : struct, Enum
    {
        // Enum values here are 0, 1, 2, ... in declaration order, so a value indexes its name.
        public static readonly string[] Names = Enum.GetValues<T>().Select(v => Code(v)).ToArray();

        public static readonly FrozenDictionary<string, T> ByName =
            Enum.GetValues<T>().ToFrozenDictionary(v => Code(v), v => v, StringComparer.OrdinalIgnoreCase);
    }
}
