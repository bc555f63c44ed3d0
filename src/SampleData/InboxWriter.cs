using System.Text;
using ClosedXML.Excel;
using Evaluation.Domain.Values;
using Evaluation.Ingest.Kinds;
using Evaluation.Ingest.Parsing;

namespace Evaluation.SampleData;

/// <summary>Writes generated tables as an inbox: <c>&lt;out&gt;/&lt;municipality&gt;/&lt;kind&gt;.csv|xlsx</c>, each municipality in its own dialect.</summary>
public static class InboxWriter
{
    private static readonly Dictionary<string, (string Danish, IReadOnlyList<Column> Columns)> Kinds = new()
    {
        ["staff"] = ("medarbejdere", AllKinds.Staff.Columns),
        ["courses"] = ("forloeb", AllKinds.Courses.Columns),
        ["checklists"] = ("tjeklister", AllKinds.Checklists.Columns),
        ["contacts"] = ("kontakter", AllKinds.Contacts.Columns),
        ["plans"] = ("planer", AllKinds.Plans.Columns),
        ["answers"] = ("besvarelser", AllKinds.Answers.Columns),
        ["shelter_stays"] = ("krisecenterophold", AllKinds.ShelterStays.Columns),
        ["tenancies"] = ("lejemaal", AllKinds.Tenancies.Columns),
    };

    /// <summary>Writes every table and returns the paths written.</summary>
    /// <param name="folder">Where the municipality folders go.</param>
    /// <param name="tables">The generated tables.</param>
    /// <param name="xlsx">False writes every kind as CSV (benchmarks compare against psql \copy, which reads CSV only).</param>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyDictionary<string, Dictionary<string, RawTable>> tables, bool xlsx = true)
    {
        var written = new List<string>();
        foreach (var (municipality, kinds) in tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var dialect = Dialect.For(municipality);
            var dir = Path.Combine(folder, municipality);
            Directory.CreateDirectory(dir);
            foreach (var (kind, table) in kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var (danish, columns) = Kinds[kind];
                var header = table.Columns
                    .Select(c => dialect.DanishHeaders ? columns.FirstOrDefault(k => k.Name == c)?.DanishAlias ?? c : c)
                    .ToList();
                var name = dialect.DanishHeaders ? danish : kind;
                string path;
                if (xlsx && dialect.XlsxKinds.Contains(kind))
                {
                    path = Path.Combine(dir, name + ".xlsx");
                    WriteXlsx(path, header, table, dialect);
                }
                else
                {
                    path = Path.Combine(dir, name + ".csv");
                    WriteCsv(path, header, table, dialect);
                }

                written.Add(path);
            }
        }

        return written;
    }

    private static void WriteCsv(string path, IReadOnlyList<string> header, RawTable table, Dialect dialect)
    {
        using var writer = new StreamWriter(path, append: false, dialect.Encoding);
        writer.NewLine = "\r\n"; // as spreadsheet programs write CSV
        writer.WriteLine(string.Join(dialect.Separator, header.Select(h => Quote(h, dialect.Separator))));
        var line = new StringBuilder();
        foreach (var row in table.Rows)
        {
            line.Clear();
            for (int i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(dialect.Separator);
                }

                line.Append(Quote(Format(row[i], dialect), dialect.Separator));
            }

            writer.WriteLine(line);
        }
    }

    private static void WriteXlsx(string path, IReadOnlyList<string> header, RawTable table, Dialect dialect)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Data");
        for (int c = 0; c < header.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }

        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (int c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case DateOnly d:
                        cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                        cell.Style.DateFormat.Format = "yyyy-mm-dd";
                        break;
                    case int i:
                        cell.SetValue(i);
                        break;
                    case double x:
                        cell.SetValue(x);
                        break;
                    default:
                        cell.SetValue(Format(row[c], dialect));
                        break;
                }
            }
        }

        workbook.SaveAs(path);
    }

    private static string Format(object? value, Dialect dialect) => value switch
    {
        ItemAnswer.Yes => dialect.Yes,
        ItemAnswer.No => dialect.No,
        ItemAnswer.NotApplicable => dialect.DanishHeaders ? "ikke relevant" : "na",
        _ => dialect.Format(value),
    };

    private static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
