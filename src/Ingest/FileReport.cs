using System.Text.Json.Serialization;
using Evaluation.Ingest.Parsing;

namespace Evaluation.Ingest;

/// <summary>
/// The outcome of one file (SPEC §6 <c>ingest --json</c>): rows = loaded + unchanged + quarantined,
/// and loaded = inserted (new natural keys) + updated (corrections of stored rows). A file that could
/// not be read at all has one error with row 0 and its rows, where they could be counted, quarantined.
/// </summary>
public sealed record FileReport(string File, string Kind, int Rows, int Loaded, int Unchanged, int Quarantined, IReadOnlyList<IngestError> Errors)
{
    /// <summary>The file's name as shown: a CPR number in a file name is masked like any other.</summary>
    public string File { get; init; } = IngestError.Safe(File) ?? "";

    /// <summary>Rows whose natural key was new.</summary>
    public int Inserted { get; init; }

    /// <summary>Rows that changed a stored row with the same natural key (a correction; the old values go to the history).</summary>
    public int Updated { get; init; }

    /// <summary>How a CSV file's text was decoded (<c>UTF-8</c>, <c>UTF-8 with BOM</c>, <c>UTF-16 LE</c>, <c>Windows-1252</c>…); null for a workbook.</summary>
    public string? Encoding { get; init; }

    [JsonPropertyOrder(1)]
    public IReadOnlyList<IngestError> Errors { get; init; } = Errors;

    /// <summary>A file nothing could be read from: one file-level error, its counted rows quarantined.</summary>
    public static FileReport Unreadable(string file, string kind, string reason, int rows = 0, string? encoding = null) =>
        new(file, kind, rows, 0, 0, rows, [new IngestError(0, null, null, reason)]) { Encoding = encoding };
}
