namespace Evaluation.Ingest.Reading;

/// <summary>
/// A merged cell of a sheet (<c>&lt;mergeCell ref="B2:B3"/&gt;</c>): rows 1-based as the sheet numbers
/// them, columns 0-based as ExcelDataReader counts them. Only the top-left cell holds the value.
/// </summary>
public sealed record MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn)
{
    /// <summary>The range as Excel writes it, e.g. <c>B2:B3</c>.</summary>
    public string Reference => $"{WorkbookInspection.ColumnLetters(FromColumn)}{FromRow}:{WorkbookInspection.ColumnLetters(ToColumn)}{ToRow}";

    /// <summary>Whether the cell is one the merge covers and empties: inside the range, not its top-left cell.</summary>
    public bool Covers(int row, int column) =>
        row >= FromRow && row <= ToRow && column >= FromColumn && column <= ToColumn && (row != FromRow || column != FromColumn);
}
