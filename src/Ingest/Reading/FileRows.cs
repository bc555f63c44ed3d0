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
/// check, mapping with validation, duplicate natural keys within the file. Streams: one row at a time.
/// </summary>
public static class FileRows
{
    public static ITableReader Open(string path, FileFingerprint fingerprint) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? new XlsxTableReader(path)
            : new CsvTableReader(path, fingerprint);

    /// <summary>Yields the valid records with their row numbers; bad rows go to <paramref name="result"/>.</summary>
    public static IEnumerable<(int Row, T Record)> Read<T>(
        KindDefinition<T> kind, ITableReader table, ReadContext context, FileReadResult result, bool uniqueKeys)
        where T : class
    {
        var map = HeaderMap.Build(table.Header, kind.Columns, name => kind.IsExtraColumn(name, context), result.Errors);
        var row = new RowAccess(table, map);
        var seen = uniqueKeys ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
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
            else if (table.FieldCount != table.Header.Count)
            {
                result.Errors.Add(new IngestError(table.RowNumber, null, null,
                    $"the row has {table.FieldCount} values but the header has {table.Header.Count} columns (a separator or quote is off)"));
            }
            else
            {
                record = kind.Map(row, context);
                result.Errors.AddRange(row.Errors);
                if (record is not null && seen is not null)
                {
                    var key = kind.Key(record);
                    if (seen.TryGetValue(key, out var first))
                    {
                        result.Errors.Add(new IngestError(table.RowNumber, kind.Columns[0].Name, RowAccess.Masked(kind.Columns[0].Name, row.Cell(kind.Columns[0].Name).Text),
                            $"the same {KeyDescription(kind)} is already in row {first} of this file"));
                        record = null;
                    }
                    else
                    {
                        seen[key] = table.RowNumber;
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
