namespace Evaluation.Ingest.Parsing;

/// <summary>A known column of an input kind: its English name, its Danish alias, and whether every row needs it.</summary>
public sealed record Column(string Name, string? DanishAlias = null, bool Required = false);
