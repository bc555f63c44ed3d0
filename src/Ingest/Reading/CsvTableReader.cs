using Sylvan.Data.Csv;

namespace Evaluation.Ingest.Reading;

/// <summary>CSV through Sylvan.Data.Csv: separator detected from the header (<c>;</c> or <c>,</c>), RFC 4180 quoting.</summary>
public sealed class CsvTableReader : ITableReader
{
    private readonly CsvDataReader reader;
    private Cell[] cells = [];
    private int rowNumber = 1;

    public CsvTableReader(string path, FileFingerprint fingerprint)
    {
        var text = new StreamReader(path, fingerprint.Encoding, detectEncodingFromByteOrderMarks: fingerprint.HasBom, 1 << 16);
        reader = CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            Delimiter = DetectDelimiter(path, fingerprint),
            HasHeaders = true,
            OwnsReader = true,
            BufferSize = 1 << 16,
            // A value longer than this is a broken file (an unmatched quote), not data.
            MaxBufferSize = 1 << 22,
            StringFactory = new StringPool().Get,
        });
        Header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToList();
    }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber => rowNumber;

    public int FieldCount => reader.RowFieldCount;

    public Cell this[int index] => index < reader.RowFieldCount ? cells[index] : Cell.Empty;

    /// <summary>Moves to the next row and makes its cells once: validation looks at most cells more than once.</summary>
    public bool Read()
    {
        if (!reader.Read())
        {
            return false;
        }

        rowNumber++;
        if (cells.Length < reader.RowFieldCount)
        {
            cells = new Cell[reader.RowFieldCount];
        }

        for (int i = 0; i < reader.RowFieldCount; i++)
        {
            cells[i] = Cell.FromText(reader.GetString(i));
        }

        return true;
    }

    public void Dispose() => reader.Dispose();

    private static char DetectDelimiter(string path, FileFingerprint fingerprint)
    {
        using var text = new StreamReader(path, fingerprint.Encoding, fingerprint.HasBom);
        return DetectSeparator(text.ReadLine() ?? "");
    }

    /// <summary>The separator of a header line: whichever of ';' and ',' occurs more often outside quotes.</summary>
    public static char DetectSeparator(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        int semicolons = 0, commas = 0;
        bool quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>
    /// One string for each repeated short value (dates, codes, ids, item answers): most cells of a
    /// file repeat, and a new string per cell made most of ingest's garbage. Bounded, and per file.
    /// </summary>
    private sealed class StringPool
    {
        private const int MaxLength = 32;
        private const int MaxCount = 50_000;
        private readonly HashSet<string> strings = new(StringComparer.Ordinal);
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public StringPool() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(char[] buffer, int offset, int length)
        {
            var text = buffer.AsSpan(offset, length);
            if (length > MaxLength)
            {
                return new string(text);
            }

            if (lookup.TryGetValue(text, out var pooled))
            {
                return pooled;
            }

            pooled = new string(text);
            if (strings.Count < MaxCount)
            {
                strings.Add(pooled);
            }

            return pooled;
        }
    }
}
