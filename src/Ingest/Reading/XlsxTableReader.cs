using System.Globalization;
using ExcelDataReader;

namespace Evaluation.Ingest.Reading;

/// <summary>
/// The first visible sheet of an XLSX workbook through ExcelDataReader, streamed row by row; header in row 1.
/// The workbook is inspected first (<see cref="WorkbookInspection"/>): a damaged, disguised, oversized
/// or DTD-carrying workbook is an <see cref="UnreadableFileException"/>; error cells, formulas without a
/// stored result and cells covered by a merge come back as bad values, not as empty cells; other sheets
/// that hold data are named in <see cref="HeaderNotes"/>, never read and never passed over in silence.
/// </summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly FileStream stream;
    private readonly IExcelDataReader reader;
    private readonly IReadOnlyDictionary<(int Row, int Column), Cell> badCells;
    private readonly IReadOnlyList<MergedRange> merges;
    private readonly List<MergedRange> rowMerges = [];
    private int nextMerge;
    private bool rowHasValues;
    private int rowNumber = 1;

    public XlsxTableReader(string path, FileFingerprint fingerprint, IngestOptions limits)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(limits);
        if (fingerprint.Signature != FileSignature.Zip)
        {
            throw new UnreadableFileException(fingerprint.Signature switch
            {
                FileSignature.Empty => "the file is empty (0 bytes)",
                FileSignature.OleCompound => "not an .xlsx workbook: an encrypted (password-protected) workbook or an old .xls file; save it in Excel as .xlsx without a password",
                _ => "not an .xlsx workbook: the file holds text (a CSV file named .xlsx?); rename it to .csv",
            });
        }

        var workbook = WorkbookInspection.Inspect(path, limits.MaxWorkbookBytes);
        badCells = workbook.BadCells;
        merges = workbook.Merges;
        stream = SafeFile.OpenRead(path);
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            for (int i = 0; i < workbook.SheetIndex; i++)
            {
                // Hidden sheets before it: ExcelDataReader gives the sheets in workbook order, as the inspection counted them.
                if (!reader.NextResult())
                {
                    throw new UnreadableFileException("the workbook's list of sheets does not match its parts: open the workbook in Excel and save it again");
                }
            }

            var header = new List<string>();
            if (reader.Read())
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    header.Add(Cell.FromObject(reader.GetValue(i)).Text);
                }
            }

            // Trailing empty header cells are formatting, not columns.
            while (header.Count > 0 && header[^1].Length == 0)
            {
                header.RemoveAt(header.Count - 1);
            }

            if (header.Count == 0)
            {
                throw new UnreadableFileException(NoHeader(workbook));
            }

            if (header.Count > limits.MaxColumns)
            {
                throw new UnreadableFileException(string.Create(CultureInfo.InvariantCulture, $"the header has {header.Count} columns, more than the limit of {limits.MaxColumns} (Ingest:MaxColumns)"));
            }

            Header = header;
            HeaderNotes = OtherSheetsNote(workbook);
        }
        catch (Exception e) when (e is not UnreadableFileException)
        {
            stream.Dispose();
            throw Unreadable(e);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Header { get; } = [];

    public IReadOnlyList<string> HeaderNotes { get; } = [];

    /// <summary>A sheet's cells stay in their columns: a value beyond the header is reported by its column, not as a shifted row.</summary>
    public bool FieldsCanShift => false;

    public int RowNumber => rowNumber;

    public int FieldCount
    {
        get
        {
            // A sheet row is as wide as the sheet; count it as wide as its last non-empty cell.
            int last = reader.FieldCount;
            while (last > Header.Count && this[last - 1].IsEmpty)
            {
                last--;
            }

            return Math.Max(last, Header.Count);
        }
    }

    public Cell this[int index]
    {
        get
        {
            if (badCells.Count > 0 && badCells.TryGetValue((rowNumber, index), out var bad))
            {
                return bad;
            }

            if (rowHasValues && Covering(index) is { } merge)
            {
                return Cell.FromBadValue("", $"part of the merged cell {merge.Reference}: unmerge it and fill in every row");
            }

            return index < reader.FieldCount ? Cell.FromObject(reader.GetValue(index)) : Cell.Empty;
        }
    }

    public string ColumnLabel(int index) => WorkbookInspection.ColumnLetters(index);

    public bool Read()
    {
        try
        {
            if (!reader.Read())
            {
                return false;
            }
        }
        catch (Exception e) when (e is not UnreadableFileException and not OperationCanceledException)
        {
            throw Unreadable(e);
        }

        rowNumber++;
        if (merges.Count > 0)
        {
            EnterMerges();
        }

        return true;
    }

    public void Dispose()
    {
        reader?.Dispose();
        stream?.Dispose();
    }

    /// <summary>Why the read sheet gives no header, naming the sheets that do hold data.</summary>
    private static string NoHeader(InspectedWorkbook workbook)
    {
        if (workbook.SheetName is null || workbook.OtherSheetsWithData.Count == 0)
        {
            return "the first sheet has no header in row 1";
        }

        var first = workbook.SkippedHidden ? "the first visible sheet" : "the first sheet";
        return $"{first} (\"{workbook.SheetName}\") has no header in row 1 and is the only sheet read; data is on {Sheets(workbook.OtherSheetsWithData)}: "
            + "move it to the front, or delete or hide the sheets before it";
    }

    /// <summary>The row-1 note when sheets other than the read one hold data: they are not read, and the clerk should know.</summary>
    private static IReadOnlyList<string> OtherSheetsNote(InspectedWorkbook workbook)
    {
        var others = workbook.OtherSheetsWithData;
        if (workbook.SheetName is null || others.Count == 0)
        {
            return [];
        }

        var which = workbook.SkippedHidden ? " (the first visible sheet)" : "";
        var verb = others.Count == 1 ? "holds data and was" : "hold data and were";
        return [$"only the sheet \"{workbook.SheetName}\" was read{which}; {Sheets(others)} also {verb} not read"];
    }

    private static string Sheets(IReadOnlyList<string> names) =>
        (names.Count == 1 ? "the sheet " : "the sheets ")
        + string.Join(", ", names.Take(3))
        + (names.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - 3} more") : "");

    /// <summary>Keeps the merges that reach into the current row: rows only go forward, the merges are ordered by their first row.</summary>
    private void EnterMerges()
    {
        rowMerges.RemoveAll(m => m.ToRow < rowNumber);
        for (; nextMerge < merges.Count && merges[nextMerge].FromRow <= rowNumber; nextMerge++)
        {
            if (merges[nextMerge].ToRow >= rowNumber)
            {
                rowMerges.Add(merges[nextMerge]);
            }
        }

        // A merge running on into blank rows (formatting) does not make them rows.
        rowHasValues = false;
        for (int i = 0; i < reader.FieldCount && rowMerges.Count > 0 && !rowHasValues; i++)
        {
            rowHasValues = !Cell.FromObject(reader.GetValue(i)).IsEmpty || badCells.ContainsKey((rowNumber, i));
        }
    }

    private MergedRange? Covering(int column)
    {
        foreach (var merge in rowMerges)
        {
            if (merge.Covers(rowNumber, column))
            {
                return merge;
            }
        }

        return null;
    }

    private UnreadableFileException Unreadable(Exception e) => new(string.Create(CultureInfo.InvariantCulture,
        $"the workbook could not be read after row {rowNumber} ({e.GetType().Name}): is it damaged? Open it in Excel and save it again"), e);
}
