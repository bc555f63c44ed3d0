using System.Text.Json;

namespace Evaluation.Ingest.Parsing;

/// <summary>
/// The column vocabulary of SPEC §2 as data: every column name with its aliases (an alias belongs to
/// the name in every kind) and the columns to skip. The shipped default (<c>columns.default.json</c>)
/// can be extended by configuration, e.g. with the headers of a case system's export.
/// </summary>
public sealed class ColumnVocabulary
{
    private const string DefaultResource = "Evaluation.Ingest.Parsing.columns.default.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<ColumnVocabulary> DefaultVocabulary = new(LoadDefault);

    // Name or alias (lower case) → column name.
    private readonly Dictionary<string, string> canonical;
    private readonly Dictionary<string, List<string>> aliases;
    private readonly HashSet<string> ignored;

    private ColumnVocabulary(Dictionary<string, string> canonical, Dictionary<string, List<string>> aliases, HashSet<string> ignored)
    {
        this.canonical = canonical;
        this.aliases = aliases;
        this.ignored = ignored;
    }

    /// <summary>The shipped vocabulary.</summary>
    public static ColumnVocabulary Default => DefaultVocabulary.Value;

    /// <summary>The column names the vocabulary knows.</summary>
    public IEnumerable<string> Names => aliases.Keys;

    /// <summary>The columns skipped in every file (never read, never stored).</summary>
    public IReadOnlySet<string> Ignored => ignored;

    /// <summary>The aliases of a column name, in the order they were given.</summary>
    public IReadOnlyList<string> AliasesOf(string name) => aliases.TryGetValue(name, out var list) ? list : [];

    /// <summary>The column name a header name stands for (itself or the name it is an alias of), or null.</summary>
    public string? NameOf(string header) => canonical.GetValueOrDefault(Normalize(header));

    /// <summary>Whether configuration lists the header as a column to skip.</summary>
    public bool IsIgnored(string header) => ignored.Contains(Normalize(header));

    /// <summary>
    /// The shipped vocabulary extended by a file of the same shape (<c>{"columns": {"course_id": ["sagsnr"]}, "ignored": ["cases_note"]}</c>)
    /// and by further ignored columns. An alias that would stand for two names, or an extension naming
    /// a column no kind has, is a configuration error.
    /// </summary>
    public static ColumnVocabulary Extend(ColumnVocabulary baseVocabulary, string? file, IEnumerable<string>? ignoredColumns)
    {
        ArgumentNullException.ThrowIfNull(baseVocabulary);
        var aliases = baseVocabulary.aliases.ToDictionary(a => a.Key, a => a.Value.ToList(), StringComparer.Ordinal);
        var canonical = new Dictionary<string, string>(baseVocabulary.canonical, StringComparer.Ordinal);
        var ignored = new HashSet<string>(baseVocabulary.ignored, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(file))
        {
            VocabularyFile? extension;
            try
            {
                extension = JsonSerializer.Deserialize<VocabularyFile>(File.ReadAllText(file), JsonOptions);
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                throw new ColumnVocabularyException($"The column vocabulary file {file} (Ingest:VocabularyFile) could not be read: {e.Message}", e);
            }

            foreach (var (name, more) in extension?.Columns ?? [])
            {
                var key = Normalize(name);
                if (!aliases.ContainsKey(key))
                {
                    throw new ColumnVocabularyException($"The column vocabulary file {file} gives aliases for '{name}', which is not a column of any kind (known: {string.Join(", ", aliases.Keys)}).");
                }

                foreach (var alias in more)
                {
                    AddAlias(aliases, canonical, key, alias, file);
                }
            }

            ignored.UnionWith((extension?.Ignored ?? []).Select(Normalize));
        }

        ignored.UnionWith((ignoredColumns ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(Normalize));
        foreach (var column in ignored.Where(canonical.ContainsKey))
        {
            throw new ColumnVocabularyException($"'{column}' is listed as an ignored column (Ingest:IgnoredColumns) but is a known column or alias; a known column cannot be ignored.");
        }

        return new ColumnVocabulary(canonical, aliases, ignored);
    }

    /// <summary>Header names are matched without case and surrounding blanks.</summary>
    public static string Normalize(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return Reading.Cell.Clean(header).ToLowerInvariant();
    }

    private static void AddAlias(Dictionary<string, List<string>> aliases, Dictionary<string, string> canonical, string name, string alias, string source)
    {
        var key = Normalize(alias);
        if (key.Length == 0)
        {
            return;
        }

        if (canonical.TryGetValue(key, out var existing))
        {
            if (existing == name)
            {
                return;
            }

            throw new ColumnVocabularyException($"The column vocabulary ({source}) makes '{alias}' an alias of both {existing} and {name}.");
        }

        canonical[key] = name;
        aliases[name].Add(key);
    }

    private static ColumnVocabulary LoadDefault()
    {
        using var stream = typeof(ColumnVocabulary).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The shipped column vocabulary {DefaultResource} is missing from the assembly.");
        var file = JsonSerializer.Deserialize<VocabularyFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The shipped column vocabulary is empty.");
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _) in file.Columns)
        {
            var key = Normalize(name);
            aliases[key] = [];
            canonical[key] = key;
        }

        foreach (var (name, list) in file.Columns)
        {
            foreach (var alias in list)
            {
                AddAlias(aliases, canonical, Normalize(name), alias, "shipped default");
            }
        }

        return new ColumnVocabulary(canonical, aliases, new HashSet<string>((file.Ignored ?? []).Select(Normalize), StringComparer.Ordinal));
    }

    private sealed record VocabularyFile(Dictionary<string, List<string>> Columns, List<string>? Ignored);
}
