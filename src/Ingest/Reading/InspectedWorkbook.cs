namespace Evaluation.Ingest.Reading;

/// <summary>
/// What <see cref="WorkbookInspection"/> found in a workbook before ExcelDataReader reads it: which
/// sheet is read (the first visible one), which other sheets hold data, and the cells of the read
/// sheet that ExcelDataReader would hand over as empty although they are not.
/// </summary>
public sealed class InspectedWorkbook
{
    /// <summary>The read sheet's position among the workbook's sheets (0-based), as ExcelDataReader counts its results.</summary>
    public int SheetIndex { get; init; }

    /// <summary>The read sheet's name; null when the workbook's sheet list could not be followed.</summary>
    public string? SheetName { get; init; }

    /// <summary>Whether sheets before the read one were skipped because they are hidden.</summary>
    public bool SkippedHidden { get; init; }

    /// <summary>The other sheets that hold at least one value, in workbook order, hidden ones marked "(hidden)".</summary>
    public IReadOnlyList<string> OtherSheetsWithData { get; init; } = [];

    /// <summary>
    /// Bad values of the read sheet by (row, column): the row 1-based (row 1 = header), the column
    /// 0-based; Excel error cells (<c>#N/A</c> …) and formulas without a stored result.
    /// </summary>
    public IReadOnlyDictionary<(int Row, int Column), Cell> BadCells { get; init; } = new Dictionary<(int, int), Cell>();

    /// <summary>The read sheet's merged cells that reach below the header row, ordered by their first row.</summary>
    public IReadOnlyList<MergedRange> Merges { get; init; } = [];
}
