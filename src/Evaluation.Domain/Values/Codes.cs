namespace Evaluation.Domain.Values;

/// <summary>
/// The snake_case codes used in input files and JSON output for the domain enums, in one place
/// so that parsing and writing cannot drift apart.
/// </summary>
public static class Codes
{
    public static string Of(Group value) => value == Group.Cti ? "CTI" : "KR";

    public static string Of(Wave value) => value switch
    {
        Wave.Baseline => "baseline",
        Wave.M3 => "m3",
        Wave.M6 => "m6",
        Wave.End => "end",
        _ => "followup",
    };

    public static string Of(ChecklistKind value) => value.ToString().ToLowerInvariant();

    public static string Of(ItemAnswer value) => value switch
    {
        ItemAnswer.Yes => "yes",
        ItemAnswer.No => "no",
        _ => "na",
    };

    public static string Of(ContactKind value) => Snake(value.ToString());

    public static string Of(EndReason value) => Snake(value.ToString());

    public static string Of(TenancyEndReason value) => Snake(value.ToString());

    /// <summary>Parses a code (case-insensitive) of an enum whose codes are its snake_case names.</summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Code(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>All codes of an enum, for error messages that list the allowed values.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => Code(v)).ToList();

    private static string Code<T>(T value)
        where T : struct, Enum => value switch
        {
            Group g => Of(g),
            Wave w => Of(w),
            ChecklistKind c => Of(c),
            ItemAnswer a => Of(a),
            _ => Snake(value.ToString()),
        };

    private static string Snake(string pascal)
    {
        var chars = new List<char>(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                chars.Add('_');
            }

            chars.Add(char.ToLowerInvariant(pascal[i]));
        }

        return new string(chars.ToArray());
    }
}
