namespace Evaluation.Host.Platform.Board;

/// <summary>An ingested file: its counts from <c>ingest_files</c>, and the rows it updated from <c>change_history</c>.</summary>
public sealed record Delivery(long FileId, string Municipality, string File, string Kind, DateTimeOffset IngestedAt, int Rows, int Loaded, int Updated, int Quarantined);

/// <summary>A quarantined row of a delivery, its value masked as ingest stored it.</summary>
public sealed record QuarantinedRow(string Municipality, string File, string Kind, int Row, string? Column, string? Value, string Reason);

/// <summary>The latest file of each kind per municipality and their quarantined rows (the first <see cref="Deliveries.RowLimit"/>).</summary>
public sealed record Deliveries(
    long Version,
    IReadOnlyList<Delivery> Latest,
    IReadOnlyList<(string Reason, int Rows)> ByReason,
    IReadOnlyList<QuarantinedRow> Rows,
    int TotalRows)
{
    public const int RowLimit = 1000;
}
