namespace Evaluation.Ingest;

/// <summary>
/// The <c>Ingest</c> section of configuration: the column vocabulary's extension, the columns to
/// skip, and the limits that keep a broken or hostile file from exhausting the machine. The
/// defaults are generous: no honest export comes near them.
/// </summary>
public sealed class IngestOptions
{
    /// <summary>A JSON file adding aliases (and ignored columns) to the shipped vocabulary, e.g. for a case system's headers.</summary>
    public string? VocabularyFile { get; set; }

    /// <summary>Columns skipped in every file (a case system's own extra columns); never read, never stored.</summary>
    public List<string> IgnoredColumns { get; set; } = [];

    /// <summary>The most a workbook may unpack to, all its parts together (a zip bomb stops here).</summary>
    public long MaxWorkbookBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The longest value a cell may hold (Excel's own limit is 32,767 characters).</summary>
    public int MaxCellLength { get; set; } = 32_767;

    /// <summary>The longest CSV row, in characters, quoted line breaks included.</summary>
    public int MaxLineLength { get; set; } = 1 << 20;

    /// <summary>The most columns a header may have.</summary>
    public int MaxColumns { get; set; } = 1_000;

    /// <summary>The earliest date accepted in any date column; earlier is a placeholder or a typing error.</summary>
    public DateOnly EarliestDate { get; set; } = new(1900, 1, 1);

    /// <summary>The latest date accepted in any date column.</summary>
    public DateOnly LatestDate { get; set; } = new(2100, 12, 31);
}
