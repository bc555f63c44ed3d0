using Evaluation.Ingest.Parsing;

namespace Evaluation.Host;

/// <summary>The known name closest to a mistyped one, for "did you mean …?" in messages.</summary>
public static class Spelling
{
    /// <summary>The known name at most two edits away (case ignored), the nearest first; null if none is that close.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        return known.Select(k => (Name: k, Distance: HeaderMap.EditDistance(name.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();
    }
}
