using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Evaluation.Ingest.Reading;

/// <summary>
/// Checks a workbook before ExcelDataReader sees it: that it is a complete zip, that it unpacks to
/// no more than the limit (every part is unpacked and counted, so a lying size header does not
/// help a zip bomb), and that no XML part carries a DTD. Also finds the first sheet's error cells
/// (<c>#N/A</c>, <c>#DIV/0!</c> …), which ExcelDataReader would hand over as empty.
/// </summary>
public static class WorkbookInspection
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly byte[] Doctype = "<!DOCTYPE"u8.ToArray();
    private static readonly byte[] Entity = "<!ENTITY"u8.ToArray();
    private static readonly byte[] ErrorType = "t=\"e\""u8.ToArray();
    private static readonly byte[] ErrorTypeSingleQuoted = "t='e'"u8.ToArray();

    /// <summary>The first sheet's error cells by (row, column): the row 1-based (row 1 = header), the column 0-based, as ExcelDataReader counts them.</summary>
    public static IReadOnlyDictionary<(int Row, int Column), string> Inspect(string path, long maxUnpackedBytes)
    {
        try
        {
            using var stream = SafeFile.OpenRead(path);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            long declared = zip.Entries.Sum(e => e.Length);
            if (declared > maxUnpackedBytes)
            {
                throw TooLarge(declared, maxUnpackedBytes);
            }

            long unpacked = 0;
            var sheetsWithErrors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var buffer = new byte[(1 << 16) + 16];
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int carried = 0;
                int read;
                bool xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                while ((read = part.Read(buffer, carried, buffer.Length - carried)) > 0)
                {
                    unpacked += read;
                    if (unpacked > maxUnpackedBytes)
                    {
                        throw TooLarge(unpacked, maxUnpackedBytes);
                    }

                    if (xml)
                    {
                        var window = buffer.AsSpan(0, carried + read);
                        if (window.IndexOf(Doctype) >= 0 || window.IndexOf(Entity) >= 0)
                        {
                            throw new UnreadableFileException("the workbook's XML carries a document type definition (<!DOCTYPE>), which is refused for safety: open the workbook in Excel and save it again");
                        }

                        if (window.IndexOf(ErrorType) >= 0 || window.IndexOf(ErrorTypeSingleQuoted) >= 0)
                        {
                            sheetsWithErrors.Add(entry.FullName);
                        }

                        // Keep the end of the block: a marker may straddle two reads.
                        carried = Math.Min(16, window.Length);
                        window[^carried..].CopyTo(buffer);
                    }
                }
            }

            var first = FirstSheet(zip);
            return first is not null && sheetsWithErrors.Contains(first) ? ErrorCells(zip.GetEntry(first)!) : new Dictionary<(int, int), string>();
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableFileException("the workbook is damaged or incomplete (not a whole .xlsx file; was it cut off while copying?)", e);
        }
        catch (XmlException e)
        {
            throw new UnreadableFileException("the workbook is damaged: one of its parts is not well-formed", e);
        }
    }

    private static UnreadableFileException TooLarge(long bytes, long limit) => new(string.Create(CultureInfo.InvariantCulture,
        $"the workbook unpacks to more than {limit / (1024 * 1024)} MB (at least {bytes / (1024 * 1024)} MB), the limit Ingest:MaxWorkbookBytes: split it or save it as CSV"));

    /// <summary>The part name of the workbook's first sheet, as ExcelDataReader takes it.</summary>
    private static string? FirstSheet(ZipArchive zip)
    {
        string? id = null;
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook)
        {
            return null;
        }

        using (var reader = XmlReader.Create(workbook.Open(), Settings()))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == MainNamespace)
                {
                    id = reader.GetAttribute("id", RelationshipNamespace);
                    break;
                }
            }
        }

        if (id is null || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return null;
        }

        using var relations = XmlReader.Create(rels.Open(), Settings());
        while (relations.Read())
        {
            if (relations.NodeType == XmlNodeType.Element && relations.LocalName == "Relationship" && relations.GetAttribute("Id") == id)
            {
                var target = relations.GetAttribute("Target") ?? "";
                return target.StartsWith('/') ? target[1..] : "xl/" + target;
            }
        }

        return null;
    }

    private static Dictionary<(int Row, int Column), string> ErrorCells(ZipArchiveEntry sheet)
    {
        var errors = new Dictionary<(int, int), string>();
        using var reader = XmlReader.Create(sheet.Open(), Settings());
        int row = 0, column = -1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != MainNamespace)
            {
                continue;
            }

            if (reader.LocalName == "row")
            {
                row = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                column = -1;
            }
            else if (reader.LocalName == "c")
            {
                column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                if (reader.GetAttribute("t") == "e")
                {
                    errors[(row, column)] = ErrorText(reader);
                }
            }
        }

        return errors;
    }

    private static string ErrorText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "#ERROR";
        }

        using var cell = reader.ReadSubtree();
        while (cell.Read())
        {
            if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "v")
            {
                return cell.ReadElementContentAsString();
            }
        }

        return "#ERROR";
    }

    /// <summary>The 0-based column of a cell reference such as <c>AB12</c>.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        int column = 0, i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return i == 0 ? null : column - 1;
    }

    private static XmlReaderSettings Settings() => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true };
}
