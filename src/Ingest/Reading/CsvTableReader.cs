using System.Globalization;
using Sylvan.Data.Csv;

namespace Evaluation.Ingest.Reading;

/// <summary>
/// CSV through Sylvan.Data.Csv: separator detected from the header (<c>;</c> or <c>,</c>), RFC 4180
/// quoting, the encoding the fingerprint found. Row numbers are line numbers (header = 1), counted
/// across quoted line breaks. A line beyond the limit or a quote that never closes makes the file
/// unreadable, with the line where it starts.
/// </summary>
public sealed class CsvTableReader : ITableReader
{
    /// <summary>Characters (and bytes) read at a time: 64 KB of chars, below the large-object size.</summary>
    private const int Buffer = 1 << 15;

    private readonly CsvDataReader reader;
    private readonly int maxLineLength;
    private Cell[] cells = [];
    private int rowNumber = 1;
    private int nextLine;

    /// <summary>
    /// Opens the file. <paramref name="shareRepeatedStrings"/>: whether a repeated short value is one
    /// string (<see cref="StringPool"/>): for rows kept in memory (<c>--data</c>: 20% less memory at
    /// 60,000 courses), not for rows streamed into the database and dropped, where the lookups cost
    /// more than the strings.
    /// </summary>
    public CsvTableReader(string path, FileFingerprint fingerprint, IngestOptions limits, bool shareRepeatedStrings = false)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(limits);
        maxLineLength = limits.MaxLineLength;
        var stream = SafeFile.OpenRead(path);
        string header = "";
        try
        {
            header = FirstLine(path, fingerprint, maxLineLength);
            var delimiter = DetectSeparator(header);
            stream.Position = fingerprint.BomLength;
            // Buffers under the runtime's large-object size (85,000 bytes): a large one per file
            // would cost a full garbage collection about every other file.
            var text = new StreamReader(stream, fingerprint.Encoding, detectEncodingFromByteOrderMarks: false, Buffer);
            int buffer = Math.Min(Buffer, maxLineLength);
            reader = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                Delimiter = delimiter,
                HasHeaders = true,
                OwnsReader = true,
                BufferSize = buffer,

                // A record longer than this is a broken file (an unmatched quote) or a hostile one, not data.
                MaxBufferSize = Math.Max(buffer, maxLineLength),
                StringFactory = shareRepeatedStrings ? new StringPool().Get : null,
            });
        }
        catch (Exception e) when (e is not UnreadableFileException)
        {
            // The reader reads ahead past the header: a header within the limit means the line that
            // broke it is the first data row.
            stream.Dispose();
            throw Unreadable(e, header.Length < maxLineLength ? 2 : 1);
        }

        Header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToList();
        if (Header.All(h => h.TrimStart('\uFEFF').Length == 0))
        {
            reader.Dispose();
            throw new UnreadableFileException(fingerprint.HasBom ? "the file holds no text, only a byte-order mark" : "the file has no header line");
        }

        if (Header.Count > limits.MaxColumns)
        {
            reader.Dispose();
            throw new UnreadableFileException(string.Create(CultureInfo.InvariantCulture, $"the header has {Header.Count} columns, more than the limit of {limits.MaxColumns} (Ingest:MaxColumns)"));
        }

        nextLine = 2 + Header.Sum(LineBreaks);
    }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber => rowNumber;

    public int FieldCount => reader.RowFieldCount;

    public Cell this[int index] => index < reader.RowFieldCount ? cells[index] : Cell.Empty;

    /// <summary>Moves to the next row and makes its cells once: validation looks at most cells more than once.</summary>
    public bool Read()
    {
        try
        {
            if (!reader.Read())
            {
                return false;
            }
        }
        catch (Exception e) when (e is CsvRecordTooLargeException or CsvFormatException or InvalidDataException)
        {
            throw Unreadable(e, nextLine);
        }

        rowNumber = nextLine;
        if (cells.Length < reader.RowFieldCount)
        {
            cells = new Cell[reader.RowFieldCount];
        }

        int breaks = 0;
        for (int i = 0; i < reader.RowFieldCount; i++)
        {
            var text = reader.GetString(i);
            breaks += LineBreaks(text);
            cells[i] = Cell.FromText(text);
        }

        nextLine = rowNumber + 1 + breaks;
        return true;
    }

    public void Dispose() => reader.Dispose();

    /// <summary>Line breaks inside a quoted value: the next row starts that many lines further down.</summary>
    private static int LineBreaks(string text) => text.AsSpan().Count('\n');

    private UnreadableFileException Unreadable(Exception e, int line) => new(e switch
    {
        CsvRecordTooLargeException => string.Create(CultureInfo.InvariantCulture,
            $"row {line} is longer than {maxLineLength} characters, the limit Ingest:MaxLineLength (or a quote opened there never closes); nothing of the file was loaded"),
        CsvFormatException when e.Message.Contains("without a closing quote", StringComparison.Ordinal) => string.Create(CultureInfo.InvariantCulture,
            $"a quote opened in row {line} never closes; nothing of the file was loaded"),
        CsvFormatException => string.Create(CultureInfo.InvariantCulture,
            $"row {line} has a closing quote followed by more text (quote the whole value, and double a quote inside it); nothing of the file was loaded"),
        _ => string.Create(CultureInfo.InvariantCulture, $"the file could not be read at row {line} ({e.GetType().Name}); nothing of it was loaded"),
    }, e);

    /// <summary>The header line, read no further than the line limit.</summary>
    private static string FirstLine(string path, FileFingerprint fingerprint, int limit)
    {
        using var stream = SafeFile.OpenRead(path);
        stream.Position = fingerprint.BomLength;
        using var text = new StreamReader(stream, fingerprint.Encoding, detectEncodingFromByteOrderMarks: false);
        var line = new System.Text.StringBuilder();
        int c;
        while (line.Length < limit && (c = text.Read()) >= 0 && c != '\n' && c != '\r')
        {
            line.Append((char)c);
        }

        return line.ToString();
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
    /// One string for each repeated short value (ids, codes): most cells of a file repeat, and rows
    /// kept in memory would each hold their own copy. Bounded, and per file.
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
