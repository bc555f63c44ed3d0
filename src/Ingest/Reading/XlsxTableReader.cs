using System.Globalization;
using ExcelDataReader;

namespace Evaluation.Ingest.Reading;

/// <summary>
/// The first sheet of an XLSX workbook through ExcelDataReader, streamed row by row; header in row 1.
/// The workbook is inspected first (<see cref="WorkbookInspection"/>): a damaged, disguised, oversized
/// or DTD-carrying workbook is an <see cref="UnreadableFileException"/>, and error cells come back as errors, not as empty cells.
/// </summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly FileStream stream;
    private readonly IExcelDataReader reader;
    private readonly IReadOnlyDictionary<(int Row, int Column), string> errorCells;
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

        errorCells = WorkbookInspection.Inspect(path, limits.MaxWorkbookBytes);
        stream = SafeFile.OpenRead(path);
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
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
                throw new UnreadableFileException("the first sheet has no header in row 1");
            }

            if (header.Count > limits.MaxColumns)
            {
                throw new UnreadableFileException(string.Create(CultureInfo.InvariantCulture, $"the header has {header.Count} columns, more than the limit of {limits.MaxColumns} (Ingest:MaxColumns)"));
            }

            Header = header;
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

    public Cell this[int index] =>
        errorCells.Count > 0 && errorCells.TryGetValue((rowNumber, index), out var error) ? Cell.FromError(error)
        : index < reader.FieldCount ? Cell.FromObject(reader.GetValue(index))
        : Cell.Empty;

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
        return true;
    }

    public void Dispose()
    {
        reader?.Dispose();
        stream?.Dispose();
    }

    private UnreadableFileException Unreadable(Exception e) => new(string.Create(CultureInfo.InvariantCulture,
        $"the workbook could not be read after row {rowNumber} ({e.GetType().Name}): is it damaged? Open it in Excel and save it again"), e);
}
