using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace Evaluation.Export;

/// <summary>
/// Writes export tables as CSV (UTF-8 without BOM, RFC 4180, empty = missing) and Parquet (SPEC §8:
/// dates as DATE, whole numbers as INT32, scores as DOUBLE, codes as UTF-8 strings; every column
/// optional), and the codebook as CSV and Markdown.
/// </summary>
public static class ExportWriter
{
    public static string WriteCsv(ExportTable table, string folder)
    {
        var path = Path.Combine(folder, table.Name + ".csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', table.Columns.Select(c => Quote(c.Name))));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join(',', row.Select(v => Quote(v is string text ? NoFormula(text) : Format(v)))));
        }

        return path;
    }

    public static async Task<string> WriteParquetAsync(ExportTable table, string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, table.Name + ".parquet");
        var fields = table.Columns.Select(c => new DataField(c.Name, c.Type switch
        {
            ColumnType.Integer => typeof(int),
            ColumnType.Double => typeof(double),
            ColumnType.Date => typeof(DateOnly),
            _ => typeof(string),
        }, isNullable: true)).ToList();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken);
        using var group = writer.CreateRowGroup();
        for (int c = 0; c < fields.Count; c++)
        {
            int column = c;
            switch (table.Columns[c].Type)
            {
                case ColumnType.Integer:
                    await group.WriteAsync<int>(fields[c], table.Rows.Select(r => r[column] is int i ? i : (int?)null).ToArray().AsMemory(), cancellationToken: cancellationToken);
                    break;
                case ColumnType.Double:
                    await group.WriteAsync<double>(fields[c], table.Rows.Select(r => r[column] is double d ? d : (double?)null).ToArray().AsMemory(), cancellationToken: cancellationToken);
                    break;
                case ColumnType.Date:
                    await group.WriteAsync<DateOnly>(fields[c], table.Rows.Select(r => r[column] is DateOnly d ? d : (DateOnly?)null).ToArray().AsMemory(), cancellationToken: cancellationToken);
                    break;
                default:
                    await group.WriteAsync(fields[c], table.Rows.Select(r => r[column] as string).ToArray()!);
                    break;
            }
        }

        return path;
    }

    /// <summary>The codebook, one entry per column of each file: labels in Danish and English, type, unit, range, codes, and what empty means for that variable.</summary>
    public static IReadOnlyList<string> WriteCodebook(IEnumerable<ExportTable> tables, string folder)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var csv = new StringBuilder("file,variable,label_da,label_en,type,unit,range,codes,missing\r\n");
        var markdown = new StringBuilder("# Codebook\n\nType is the Parquet column type (string, int32, double, date); in CSV a date is yyyy-MM-dd, a decimal uses a point, and an empty cell is missing.\n\n");
        foreach (var table in tables)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"## {table.Name}\n\n| variable | label (da) | label (en) | type | unit | range | codes | missing means |\n|---|---|---|---|---|---|---|---|\n");
            foreach (var c in table.Columns)
            {
                csv.Append(string.Join(',', new[] { table.Name, c.Name, c.LabelDa, c.LabelEn, c.TypeName, c.Unit, c.Range, c.Codes, c.Missing }.Select(Quote))).Append("\r\n");
                markdown.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {c.LabelDa} | {c.LabelEn} | {c.TypeName} | {c.Unit} | {c.Range} | {c.Codes.Replace("|", "\\|", StringComparison.Ordinal)} | {c.Missing} |\n");
            }

            markdown.Append('\n');
        }

        var csvPath = Path.Combine(folder, "codebook.csv");
        var mdPath = Path.Combine(folder, "codebook.md");
        File.WriteAllText(csvPath, csv.ToString(), new UTF8Encoding(false));
        File.WriteAllText(mdPath, markdown.ToString(), new UTF8Encoding(false));
        return [csvPath, mdPath];
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// A text that a spreadsheet opening the CSV would take for a formula (it starts with =, +, -, @,
    /// a tab or a carriage return) gets a leading apostrophe, as OWASP advises against CSV injection:
    /// text from municipalities' files must never run as a formula on a researcher's machine (SPEC §7
    /// says so of the workbooks). Parquet keeps the text as it is; numbers are never text here.
    /// </summary>
    private static string NoFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
