using System.IO.Compression;
using System.Security;
using System.Text;

namespace Evaluation.Ingest.Tests;

/// <summary>
/// Writes a minimal .xlsx by hand, part by part, so that tests can make what Excel never would:
/// error cells, a DTD, a part that unpacks to megabytes, a cut-off file.
/// </summary>
internal static class RawWorkbook
{
    /// <summary>A cell: text (inline string), a number, or an error such as <c>#N/A</c> (written with <c>t="e"</c>).</summary>
    public sealed record RawCell(string Value, bool Error = false, bool Number = false);

    public static RawCell Text(string value) => new(value);

    public static RawCell Error(string code) => new(code, Error: true);

    public static RawCell Number(double value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Number: true);

    public static void Write(string path, IReadOnlyList<IReadOnlyList<RawCell>> rows, string? prolog = null, (string Name, long Bytes)? padding = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?>""");
        sheet.Append(prolog);
        sheet.Append("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (int r = 0; r < rows.Count; r++)
        {
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (int c = 0; c < rows[r].Count; c++)
            {
                var cell = rows[r][c];
                var reference = $"{(char)('A' + c)}{r + 1}";
                sheet.Append(cell switch
                {
                    { Error: true } => $"<c r=\"{reference}\" t=\"e\"><f>NA()</f><v>{SecurityElement.Escape(cell.Value)}</v></c>",
                    { Number: true } => $"<c r=\"{reference}\"><v>{cell.Value}</v></c>",
                    _ => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell.Value)}</t></is></c>",
                });
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        Part(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
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

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
