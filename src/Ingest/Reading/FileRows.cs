using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using Evaluation.Ingest.Kinds;
using Evaluation.Ingest.Parsing;

namespace Evaluation.Ingest.Reading;

/// <summary>What reading one file came to: every non-empty row is counted once, as valid or quarantined.</summary>
public sealed class FileReadResult
{
    public int Rows { get; internal set; }

    public int Quarantined { get; internal set; }

    public List<IngestError> Errors { get; } = [];

    /// <summary>Forgets a read, before the file is read again.</summary>
    internal void Reset()
    {
        Rows = 0;
        Quarantined = 0;
        Errors.Clear();
    }
}

/// <summary>
/// The row loop shared by database ingest and <c>--data</c> reading: header matching, field-count
/// check, the checks every cell gets (Excel error cells, NUL bytes, bytes that are not UTF-8, length),
/// mapping with validation, duplicate natural keys within the file. Streams: one row at a time.
/// </summary>
public static class FileRows
{
    /// <summary>
    /// What no value may hold: NUL, the other control characters (tab and line breaks aside, which
    /// a quoted value may hold), and U+FFFD, which stands for bytes that were not UTF-8. A control
    /// character is not text a clerk typed, and no workbook may carry one.
    /// </summary>
    private static readonly SearchValues<char> NoText = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0xA0).Where(c => c < 0x20 ? c is not ('\t' or '\n' or '\r') : c >= 0x7F).Select(c => (char)c)) + "\uFFFD");

    /// <summary>
    /// Opens a file as a table, by its extension, after checking that its content is what the name
    /// says; a file that cannot be read as a table is an <see cref="UnreadableFileException"/>.
    /// <paramref name="rowsAreKept"/>: the records stay in memory, so repeated values share one string.
    /// </summary>
    public static ITableReader Open(string path, FileFingerprint fingerprint, IngestOptions? limits = null, bool rowsAreKept = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(fingerprint);
        limits ??= IngestSettings.Default.Options;
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return new XlsxTableReader(path, fingerprint, limits);
        }

        var problem = fingerprint.Signature switch
        {
            FileSignature.Empty => "the file is empty (0 bytes)",
            FileSignature.Zip => "not a CSV file: an Excel workbook (or another zip file) named .csv; rename it to .xlsx",
            FileSignature.OleCompound => "not a CSV file: an old Excel .xls or an encrypted workbook named .csv; save it as CSV or .xlsx",
            _ when fingerprint.IsBlank => "the file holds no text, only a byte-order mark",
            _ when fingerprint.LooksLikeUtf16WithoutBom => "every other byte is a NUL byte: the file is UTF-16 without a byte-order mark (or not text at all); save it as CSV in UTF-8",
            _ => null,
        };
        return problem is null ? new CsvTableReader(path, fingerprint, limits, shareRepeatedStrings: rowsAreKept) : throw new UnreadableFileException(problem);
    }

    /// <summary>Yields the valid records with their row numbers; bad rows go to <paramref name="result"/>.</summary>
    public static IEnumerable<(int Row, T Record)> Read<T>(
        KindDefinition<T> kind, ITableReader table, ReadContext context, FileReadResult result, bool uniqueKeys)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var settings = context.Settings;
        foreach (var note in table.HeaderNotes)
        {
            // First: a note that another sheet holds the data explains any header problem below it.
            result.Errors.Add(new IngestError(1, null, null, note));
        }

        var map = HeaderMap.Build(table.Header, kind.Columns, name => kind.IsExtraColumn(name, context), kind.ExtraColumnNames(context), settings.Vocabulary, result.Errors);
        var row = new RowAccess(table, map, settings.Options);
        var seen = uniqueKeys ? ReusedTables<string>.Rent() : null;
        try
        {
            while (table.Read())
            {
                if (IsEmpty(table))
                {
                    continue; // a blank line is no row: nothing to load, nothing to quarantine
                }

                result.Rows++;
                row.Reset();
                T? record = null;
                if (map.FatalProblem is not null)
                {
                    result.Errors.Add(new IngestError(table.RowNumber, null, null, map.FatalProblem));
                }
                else if (table.FieldsCanShift && !FieldsFitHeader(table))
                {
                    result.Errors.Add(new IngestError(table.RowNumber, null, null,
                        $"the row has {table.FieldCount} values but the header has {table.Header.Count} columns (a separator or quote is off)"));
                }
                else if (!CellsAreSound(table, map, settings.Options, result.Errors))
                {
                    // reported per cell
                }
                else
                {
                    record = kind.Map(row, context);
                    result.Errors.AddRange(row.Errors);
                    if (record is not null && seen is not null)
                    {
                        ref int first = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, kind.Key(record), out bool exists);
                        if (exists)
                        {
                            result.Errors.Add(new IngestError(table.RowNumber, kind.Columns[0].Name, RowAccess.Masked(kind.Columns[0].Name, row.Cell(kind.Columns[0].Name).Text),
                                $"the same {KeyDescription(kind)} is already in row {first} of this file"));
                            record = null;
                        }
                        else
                        {
                            first = table.RowNumber;
                        }
                    }
                }

                if (record is null)
                {
                    result.Quarantined++;
                    continue;
                }

                yield return (table.RowNumber, record);
            }
        }
        finally
        {
            if (seen is not null)
            {
                ReusedTables<string>.Return(seen);
            }
        }
    }

    /// <summary>
    /// The checks every read cell gets before any parsing: none of them may be an Excel error, hold a
    /// NUL or a byte that is not UTF-8, or be longer than the limit; a value in an unnamed column is
    /// an error too. Columns configured as ignored are not looked at.
    /// </summary>
    private static bool CellsAreSound(ITableReader table, HeaderMap map, IngestOptions limits, List<IngestError> errors)
    {
        bool sound = true;
        foreach (var (index, name) in map.Used)
        {
            var cell = table[index];
            if (cell.IsEmpty)
            {
                continue;
            }

            string? problem = null;
            if (cell.IsError)
            {
                problem = cell.ErrorReason ?? $"an Excel error cell ({cell.Text}): the formula has no value; fix it or clear the cell";
            }
            else if (!cell.IsNumber && !cell.IsDate && !cell.IsBoolean)
            {
                var text = cell.Text;
                int odd = text.AsSpan().IndexOfAny(NoText);
                if (text.Length > limits.MaxCellLength)
                {
                    problem = $"longer than {limits.MaxCellLength} characters, the limit Ingest:MaxCellLength";
                }
                else if (odd >= 0 && text.Contains('\0', StringComparison.Ordinal))
                {
                    problem = "holds a NUL byte, which is no text (is the file UTF-16 without a byte-order mark, or not a text file?)";
                }
                else if (odd >= 0 && text.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    problem = "holds bytes that are not UTF-8 (shown as \uFFFD); the rest of the file is UTF-8, so save the file again as UTF-8";
                }
                else if (odd >= 0)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"holds a control character (U+{(int)text[odd]:X4}), which is no text; remove it");
                }
            }

            if (problem is not null)
            {
                errors.Add(new IngestError(table.RowNumber, name, RowAccess.Masked(name, cell.Text), problem));
                sound = false;
            }
        }

        foreach (var index in map.Unnamed)
        {
            sound &= NotInUnnamedColumn(table, index, errors);
        }

        // Values beyond the header: in a workbook any, in a CSV row only empty ones get this far (see FieldsFitHeader).
        for (int index = table.Header.Count, fields = table.FieldCount; index < fields; index++)
        {
            sound &= NotInUnnamedColumn(table, index, errors);
        }

        return sound;
    }

    /// <summary>
    /// Whether a CSV row's values stand under the header's columns. A row may end before trailing
    /// header columns without a name (a header line ending in a separator) and run on with empty
    /// fields (a row ending in one): neither moves a value into another column.
    /// </summary>
    private static bool FieldsFitHeader(ITableReader table)
    {
        int fields = table.FieldCount, columns = table.Header.Count;
        for (int i = fields; i < columns; i++)
        {
            if (table.Header[i].Trim().Length > 0)
            {
                return false;
            }
        }

        for (int i = columns; i < fields; i++)
        {
            if (!table[i].IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private static bool NotInUnnamedColumn(ITableReader table, int index, List<IngestError> errors)
    {
        var cell = table[index];
        if (cell.IsEmpty)
        {
            return true;
        }

        errors.Add(new IngestError(table.RowNumber, null, RowAccess.Masked("", cell.Text),
            $"a value in column {table.ColumnLabel(index)}, which has no name in the header"));
        return false;
    }

    private static string KeyDescription<T>(KindDefinition<T> kind)
        where T : class => kind.Kind switch
        {
            InputKind.Courses => "course_id",
            InputKind.Checklists => "course_id and checklist",
            InputKind.Plans => "course_id and date",
            InputKind.Answers => "course_id and wave",
            InputKind.ShelterStays => "person, shelter_id and entry_date",
            InputKind.Tenancies => "person and start_date",
            InputKind.Staff => "worker_id",
            _ => "key",
        };

    private static bool IsEmpty(ITableReader table)
    {
        for (int i = 0; i < table.FieldCount; i++)
        {
            if (!table[i].IsEmpty)
            {
                return false;
            }
        }

        return true;
    }
}
