using System.Globalization;

namespace Evaluation.Ingest.Parsing;

/// <summary>
/// Which column index holds which known column, matched through the column vocabulary (a name or
/// any of its aliases, without case) in any order. SPEC §2: a column the vocabulary does not know
/// stops the file, with the closest known names; a column configured as ignored is skipped.
/// Problems with the header are reported against row 1.
/// </summary>
public sealed class HeaderMap
{
    // Keyed by canonical (lower-case) name: callers ask by the names in the kind's columns and Extras.
    private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);

    private HeaderMap()
    {
    }

    /// <summary>Extra columns the kind accepts (questionnaire or checklist items), by name → index, in jsonb's key order.</summary>
    public IReadOnlyDictionary<string, int> Extras { get; private set; } = new Dictionary<string, int>();

    /// <summary>Every read column: its index and its name (skipped and unnamed columns excluded).</summary>
    public IReadOnlyList<(int Index, string Name)> Used { get; private set; } = [];

    /// <summary>Columns with no name in the header: a value in one makes its row bad.</summary>
    public IReadOnlyList<int> Unnamed { get; private set; } = [];

    /// <summary>Set when the header makes every row unusable (an unknown column, a required column missing or doubled).</summary>
    public string? FatalProblem { get; private set; }

    public int? IndexOf(string column) => indexes.TryGetValue(column, out var i) ? i : null;

    /// <param name="header">The header names as written.</param>
    /// <param name="columns">The kind's own columns.</param>
    /// <param name="isExtra">Whether a (normalised) name is an item column of the kind.</param>
    /// <param name="extraNames">The item columns of the kind, for suggestions.</param>
    /// <param name="vocabulary">Names, aliases and ignored columns.</param>
    /// <param name="errors">Where the header's problems go (row 1).</param>
    public static HeaderMap Build(IReadOnlyList<string> header, IReadOnlyList<Column> columns, Func<string, bool> isExtra, IEnumerable<string> extraNames, ColumnVocabulary vocabulary, List<IngestError> errors)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(errors);
        var map = new HeaderMap();
        var extras = new Dictionary<string, int>(StringComparer.Ordinal);
        var used = new List<(int, string)>();
        var unnamed = new List<int>();
        var unknown = new List<string>();
        var problems = new List<string>();
        for (int i = 0; i < header.Count; i++)
        {
            var written = header[i].Trim().TrimStart('\uFEFF');
            var name = ColumnVocabulary.Normalize(written);
            if (name.Length == 0)
            {
                unnamed.Add(i);
                continue;
            }

            if (vocabulary.IsIgnored(name))
            {
                continue; // configured as a case system's own column: never read, never stored
            }

            var known = vocabulary.NameOf(name) is { } canonical && columns.Any(c => c.Name == canonical) ? canonical : null;
            known ??= isExtra(name) ? name : null;
            if (known is null)
            {
                unknown.Add(written);
                var closest = Closest(name, columns, extraNames, vocabulary);
                errors.Add(new IngestError(1, written, null, $"unknown column; the closest known names are {string.Join(", ", closest)}. Rename it, or list it under Ingest:IgnoredColumns if it is a case system's own column"));
                continue;
            }

            if (map.indexes.ContainsKey(known))
            {
                var problem = $"the column {known} appears twice in the header";
                problems.Add(problem);
                errors.Add(new IngestError(1, written, null, problem));
                continue;
            }

            if (columns.All(c => c.Name != known))
            {
                extras[known] = i;
            }

            map.indexes[known] = i;
            used.Add((i, known));
        }

        // In the order jsonb keeps an object's keys (shorter first, then by bytes; item names are
        // ASCII): the kinds build their items in this order, and the server's sort of each row's
        // keys then finds them sorted (otherwise 2% of the server's CPU time at 60,000 courses).
        map.Extras = extras.OrderBy(e => e.Key.Length).ThenBy(e => e.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        map.Used = used;
        map.Unnamed = unnamed;
        foreach (var missing in columns.Where(c => c.Required && !map.indexes.ContainsKey(c.Name)))
        {
            var aliases = vocabulary.AliasesOf(missing.Name);
            var problem = $"the file has no {missing.Name} column" + (aliases.Count == 0 ? "" : $" (or {string.Join(", ", aliases)})");
            problems.Add(problem);
            errors.Add(new IngestError(1, missing.Name, null, problem));
        }

        if (unknown.Count > 0)
        {
            var first = used.Count == 0
                ? " (no column of the header is known: is the header line missing?)"
                : "";
            if (used.Count == 0)
            {
                errors.Add(new IngestError(1, null, null, "no column of the header is known: is the header line missing? The first line must name the columns"));
            }

            problems.Insert(0, string.Create(CultureInfo.InvariantCulture,
                $"the file has {(unknown.Count == 1 ? "an unknown column" : "unknown columns")}: {string.Join(", ", unknown)}{first}; the file is not loaded (see row 1 for the closest known names)"));
        }

        map.FatalProblem = problems.Count == 0 ? null : string.Join("; ", problems);
        return map;
    }

    /// <summary>The known names nearest to an unknown one by edit distance (names and aliases of the kind's columns, and its items).</summary>
    public static IReadOnlyList<string> Closest(string name, IReadOnlyList<Column> columns, IEnumerable<string> extraNames, ColumnVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var candidates = columns
            .SelectMany(c => vocabulary.AliasesOf(c.Name).Select(a => (Shown: $"{a} (= {c.Name})", Text: a)).Prepend((Shown: c.Name, Text: c.Name)))
            .Concat((extraNames ?? []).Select(e => (Shown: e, Text: e)));
        var ranked = candidates
            .Select(c => (c.Shown, Distance: EditDistance(name, c.Text)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Shown, StringComparer.Ordinal)
            .Take(3)
            .ToList();

        // Near names only (a typo, a missing letter); when nothing is near, the three nearest anyway.
        var near = ranked.Where(c => c.Distance <= Math.Max(2, name.Length / 3)).ToList();
        return (near.Count > 0 ? near : ranked).Select(c => c.Shown).ToList();
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions of one character each.</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length > 200 || b.Length > 200)
        {
            return Math.Max(a.Length, b.Length); // a header cell of a broken file: not worth the quadratic work
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
