using ExcelDataReader;

namespace Evaluation.Ingest.Reading;

/// <summary>The first sheet of an XLSX workbook through ExcelDataReader, streamed row by row; header in row 1.</summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly FileStream stream;
    private readonly IExcelDataReader reader;
    private int rowNumber = 1;

    public XlsxTableReader(string path)
    {
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
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

        Header = header;
    }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber => rowNumber;

    public int FieldCount
    {
        get
        {
            // A sheet row is as wide as the sheet; count it as wide as its last non-empty cell.
            int last = reader.FieldCount;
            while (last > Header.Count && Cell.FromObject(reader.GetValue(last - 1)).IsEmpty)
            {
                last--;
            }

            return Math.Max(last, Header.Count);
        }
    }

    public Cell this[int index] => index < reader.FieldCount ? Cell.FromObject(reader.GetValue(index)) : Cell.Empty;

    public bool Read()
    {
        if (!reader.Read())
        {
            return false;
        }

        rowNumber++;
        return true;
    }

    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }
}
