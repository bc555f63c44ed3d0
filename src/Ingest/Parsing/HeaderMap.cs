namespace Evaluation.Ingest.Parsing;

/// <summary>
/// Which column index holds which known column, matched case-insensitively on the English name
/// or the Danish alias, in any order. Problems with the header are reported against row 1.
/// </summary>
public sealed class HeaderMap
{
    // Keyed by canonical (lower-case) name: callers ask by the names in the kind's columns and Extras.
    private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);

    private HeaderMap()
    {
    }

    /// <summary>Extra columns the kind accepts (questionnaire or checklist items), by name → index.</summary>
    public IReadOnlyDictionary<string, int> Extras { get; private set; } = new Dictionary<string, int>();

    /// <summary>Set when the header makes every row unusable (a required column is missing or doubled).</summary>
    public string? FatalProblem { get; private set; }

    public int? IndexOf(string column) => indexes.TryGetValue(column, out var i) ? i : null;

    public static HeaderMap Build(IReadOnlyList<string> header, IReadOnlyList<Column> columns, Func<string, bool> isExtra, List<IngestError> errors)
    {
        var map = new HeaderMap();
        var extras = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var known = columns.FirstOrDefault(c =>
                string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(c.DanishAlias, name, StringComparison.OrdinalIgnoreCase));
            string? canonical = known?.Name ?? (isExtra(name) ? name.ToLowerInvariant() : null);
            if (canonical is null)
            {
                errors.Add(new IngestError(1, name, null, name.Length == 0
                    ? $"column {i + 1} has no name in the header; its values are not loaded"
                    : "unknown column; its values are not loaded"));
                continue;
            }

            if (map.indexes.ContainsKey(canonical) || extras.ContainsKey(canonical))
            {
                map.FatalProblem = $"the column {canonical} appears twice in the header";
                errors.Add(new IngestError(1, name, null, map.FatalProblem));
                continue;
            }

            if (known is null)
            {
                extras[canonical] = i;
            }

            map.indexes[canonical] = i;
        }

        map.Extras = extras;
        foreach (var missing in columns.Where(c => c.Required && !map.indexes.ContainsKey(c.Name)))
        {
            map.FatalProblem = $"the file has no {missing.Name} column" + (missing.DanishAlias is null ? "" : $" (or {missing.DanishAlias})");
            errors.Add(new IngestError(1, missing.Name, null, map.FatalProblem));
        }

        return map;
    }
}
