namespace Evaluation.Ingest.Parsing;

/// <summary>
/// A known column of an input kind: its English name and whether every row needs it. Its aliases
/// belong to the name, not to the kind, and live in the column vocabulary (SPEC §2).
/// </summary>
public sealed record Column(string Name, bool Required = false)
{
    /// <summary>The first Danish alias of the shipped vocabulary (what a Danish export writes), if any.</summary>
    public string? DanishAlias => ColumnVocabulary.Default.AliasesOf(Name).FirstOrDefault();
}
