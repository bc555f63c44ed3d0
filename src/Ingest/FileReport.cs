using Evaluation.Ingest.Parsing;

namespace Evaluation.Ingest;

/// <summary>The outcome of one file (SPEC §6 <c>ingest --json</c>): rows = loaded + unchanged + quarantined.</summary>
public sealed record FileReport(string File, string Kind, int Rows, int Loaded, int Unchanged, int Quarantined, IReadOnlyList<IngestError> Errors);
