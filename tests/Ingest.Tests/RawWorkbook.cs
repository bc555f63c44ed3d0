using System.IO.Compression;
using System.Security;
using System.Text;

namespace Evaluation.Ingest.Tests;

/// <summary>
/// Writes a minimal .xlsx by hand, part by part, so that tests can make what Excel never would:
/// error cells, a DTD, a part that unpacks to megabytes, a cut-off file, hidden sheets, formulas
/// without a stored result, merged cells.
/// </summary>
internal static class RawWorkbook
{
    /// <summary>
    /// A cell: text (inline string), a number, an error such as <c>#N/A</c> (written with <c>t="e"</c>),
    /// or a formula (with the stored <paramref name="Result"/>, or without one); <paramref name="Column"/>
    /// places it in a column other than its position in the row (e.g. "ZZ").
    /// </summary>
    public sealed record RawCell(string Value, bool Error = false, bool Number = false, bool Formula = false, string? Column = null, string? Result = null);

    /// <summary>A sheet: its name, rows, state (null = visible, or "hidden", "veryHidden"), merged ranges such as "B2:B3", or its part's text as is (<paramref name="Xml"/>).</summary>
    public sealed record RawSheet(string Name, IReadOnlyList<IReadOnlyList<RawCell>> Rows, string? State = null, IReadOnlyList<string>? Merges = null, string? Xml = null);

    public static RawCell Text(string value) => new(value);

    public static RawCell Error(string code) => new(code, Error: true);

    public static RawCell Number(double value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Number: true);

    /// <summary>A formula; without <paramref name="result"/> it has no <c>&lt;v&gt;</c>, as a generator writes it that never lets Excel calculate.</summary>
    public static RawCell Formula(string formula, string? result = null) => new(formula, Formula: true, Result: result);

    /// <summary>A text cell in a named column, e.g. <c>At("ZZ", "note")</c>.</summary>
    public static RawCell At(string column, string value) => new(value, Column: column);

    /// <summary>Rows of text cells, for <see cref="RawSheet"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<RawCell>> TextRows(params string[][] rows) =>
        rows.Select(r => (IReadOnlyList<RawCell>)r.Select(Text).ToList()).ToList();

    public static void Write(string path, IReadOnlyList<IReadOnlyList<RawCell>> rows, string? prolog = null, (string Name, long Bytes)? padding = null, IReadOnlyList<string>? merges = null) =>
        Write(path, [new RawSheet("Data", rows, Merges: merges)], prolog, padding);

    /// <summary>A workbook of several sheets, in the order given (sheet1.xml, sheet2.xml …).</summary>
    public static void Write(string path, IReadOnlyList<RawSheet> sheets, string? prolog = null, (string Name, long Bytes)? padding = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var numbers = Enumerable.Range(1, sheets.Count).ToList();
        Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
            + string.Concat(numbers.Select(n => $"""<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))
            + "</Types>");
        Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"""
            + string.Concat(numbers.Select(n => $"""<sheet name="{SecurityElement.Escape(sheets[n - 1].Name)}" sheetId="{n}"{(sheets[n - 1].State is { } state ? $" state=\"{state}\"" : "")} r:id="rId{n}"/>"""))
            + "</sheets></workbook>");
        Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
            + string.Concat(numbers.Select(n => $"""<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"""))
            + "</Relationships>");
        foreach (var n in numbers)
        {
            Part(zip, $"xl/worksheets/sheet{n}.xml", sheets[n - 1].Xml ?? SheetXml(sheets[n - 1], prolog));
        }

        if (padding is { } pad)
        {
            // Highly compressible: a few kilobytes in the file, megabytes unpacked.
            using var stream = zip.CreateEntry(pad.Name, CompressionLevel.Fastest).Open();
            var block = new byte[1 << 16];
            Array.Fill(block, (byte)'x');
            for (long written = 0; written < pad.Bytes; written += block.Length)
            {
                stream.Write(block, 0, (int)Math.Min(block.Length, pad.Bytes - written));
            }
        }
    }

    /// <summary>A one-sheet workbook of text cells.</summary>
    public static void Write(string path, params string[][] rows) =>
        Write(path, rows.Select(r => (IReadOnlyList<RawCell>)r.Select(Text).ToList()).ToList());

    private static string SheetXml(RawSheet raw, string? prolog)
    {
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?>""");
        sheet.Append(prolog);
        sheet.Append("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (int r = 0; r < raw.Rows.Count; r++)
        {
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (int c = 0; c < raw.Rows[r].Count; c++)
            {
                var cell = raw.Rows[r][c];
                var reference = $"{cell.Column ?? ((char)('A' + c)).ToString()}{r + 1}";
                sheet.Append(cell switch
                {
                    { Error: true } => $"<c r=\"{reference}\" t=\"e\"><f>NA()</f><v>{SecurityElement.Escape(cell.Value)}</v></c>",
                    { Number: true } => $"<c r=\"{reference}\"><v>{cell.Value}</v></c>",
                    { Formula: true } => $"<c r=\"{reference}\"><f>{SecurityElement.Escape(cell.Value)}</f>{(cell.Result is null ? "" : $"<v>{SecurityElement.Escape(cell.Result)}</v>")}</c>",
                    _ => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell.Value)}</t></is></c>",
                });
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData>");
        if (raw.Merges is { Count: > 0 } merges)
        {
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<mergeCells count=\"{merges.Count}\">");
            sheet.Append(string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>")));
            sheet.Append("</mergeCells>");
        }

        sheet.Append("</worksheet>");
        return sheet.ToString();
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
