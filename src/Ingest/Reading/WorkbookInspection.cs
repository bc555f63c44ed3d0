using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Evaluation.Ingest.Reading;

/// <summary>
/// Checks a workbook before ExcelDataReader sees it: that it is a complete zip, that it unpacks to
/// no more than the limit (every part is unpacked and counted, so a lying size header does not
/// help a zip bomb), and that no XML part carries a DTD. Then chooses the sheet to read (the first
/// visible one: SPEC §2's "first sheet" as the clerk sees the workbook), names the other sheets that
/// hold data, and finds the read sheet's cells that ExcelDataReader would hand over as empty: error
/// cells (<c>#N/A</c>, <c>#DIV/0!</c> …), formulas without a stored result, cells covered by a merge.
/// </summary>
public static class WorkbookInspection
{
    private static readonly string[] MainNamespaces = ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"];
    private static readonly string[] RelationshipNamespaces = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"];
    private static readonly byte[] Doctype = "<!DOCTYPE"u8.ToArray();
    private static readonly byte[] Entity = "<!ENTITY"u8.ToArray();

    // A part holding none of these is read by ExcelDataReader alone; one holding any is parsed here
    // too (a false hit costs only that parse). "f>" ends <f>, </f> and prefixed forms alike.
    private static readonly byte[][] CellMarkers = ["t=\"e\""u8.ToArray(), "t='e'"u8.ToArray(), "f>"u8.ToArray(), "<f "u8.ToArray(), "mergeCell"u8.ToArray()];

    /// <summary>What the workbook holds that ExcelDataReader does not say; see <see cref="InspectedWorkbook"/>.</summary>
    public static InspectedWorkbook Inspect(string path, long maxUnpackedBytes)
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
            var partsToParse = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var buffer = new byte[(1 << 16) + 16];
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int carried = 0;
                int read;
                bool xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                bool marked = false;
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

                        if (!marked && HasMarker(window))
                        {
                            marked = true;
                            partsToParse.Add(entry.FullName);
                        }

                        // Keep the end of the block: a marker may straddle two reads.
                        carried = Math.Min(16, window.Length);
                        window[^carried..].CopyTo(buffer);
                    }
                }
            }

            var sheets = Sheets(zip);
            if (sheets.Count == 0)
            {
                return new InspectedWorkbook(); // ExcelDataReader says what is wrong, if anything
            }

            // Excel shows at least one sheet; should every sheet be hidden, the first is read as before.
            int chosen = Math.Max(0, sheets.FindIndex(s => !s.Hidden));
            var sheet = sheets[chosen];
            var others = sheets.Where((s, i) => i != chosen && s.Part is not null && zip.GetEntry(s.Part) is { } e && HoldsData(e))
                .Select(s => s.Hidden ? $"\"{s.Name}\" (hidden)" : $"\"{s.Name}\"")
                .ToList();
            var (bad, merges) = sheet.Part is not null && partsToParse.Contains(sheet.Part) && zip.GetEntry(sheet.Part) is { } data
                ? Cells(data)
                : (new Dictionary<(int, int), Cell>(), []);
            return new InspectedWorkbook
            {
                SheetIndex = chosen,
                SheetName = sheet.Name,
                SkippedHidden = chosen > 0,
                OtherSheetsWithData = others,
                BadCells = bad,
                Merges = merges,
            };
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

    /// <summary>The letters of a 0-based column, as Excel names it (0 → A, 25 → Z, 26 → AA, 701 → ZZ).</summary>
    public static string ColumnLetters(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        var letters = new Stack<char>();
        for (int n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters.Push((char)('A' + ((n - 1) % 26)));
        }

        return string.Concat(letters);
    }

    private static bool HasMarker(ReadOnlySpan<byte> window)
    {
        foreach (var marker in CellMarkers)
        {
            if (window.IndexOf(marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static UnreadableFileException TooLarge(long bytes, long limit) => new(string.Create(CultureInfo.InvariantCulture,
        $"the workbook unpacks to more than {limit / (1024 * 1024)} MB (at least {bytes / (1024 * 1024)} MB), the limit Ingest:MaxWorkbookBytes: split it or save it as CSV"));

    private sealed record Sheet(string Name, bool Hidden, string? Part);

    /// <summary>The workbook's sheets in the order of workbook.xml, which is the order ExcelDataReader gives them.</summary>
    private static List<Sheet> Sheets(ZipArchive zip)
    {
        var sheets = new List<(string Name, bool Hidden, string? Id)>();
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook)
        {
            return [];
        }

        using (var reader = XmlReader.Create(workbook.Open(), Settings()))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && IsMain(reader.NamespaceURI))
                {
                    var state = reader.GetAttribute("state");
                    string? id = null;
                    foreach (var ns in RelationshipNamespaces)
                    {
                        id ??= reader.GetAttribute("id", ns);
                    }

                    // state is "visible", "hidden" or "veryHidden"; a missing state is visible.
                    // Excel allows 31 characters; a longer name is cut so that messages naming sheets stay readable.
                    var name = reader.GetAttribute("name") ?? "";
                    sheets.Add((name.Length > 31 ? name[..31] + "…" : name, state is not null && !state.Equals("visible", StringComparison.OrdinalIgnoreCase), id));
                }
            }
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var relations = XmlReader.Create(rels.Open(), Settings());
            while (relations.Read())
            {
                if (relations.NodeType == XmlNodeType.Element && relations.LocalName == "Relationship" && relations.GetAttribute("Id") is { } id)
                {
                    var target = relations.GetAttribute("Target") ?? "";
                    targets.TryAdd(id, target.StartsWith('/') ? target[1..] : "xl/" + target);
                }
            }
        }

        return sheets.Select(s => new Sheet(s.Name, s.Hidden, s.Id is not null && targets.TryGetValue(s.Id, out var part) ? part : null)).ToList();
    }

    /// <summary>
    /// Whether a sheet that is not read holds any value or formula; stops at the first. A damaged one
    /// counts as holding data: it is named as not read rather than failing the sheet that is read.
    /// </summary>
    private static bool HoldsData(ZipArchiveEntry sheet)
    {
        try
        {
            return HoldsValue(sheet);
        }
        catch (XmlException)
        {
            return true;
        }
    }

    private static bool HoldsValue(ZipArchiveEntry sheet)
    {
        using var reader = XmlReader.Create(sheet.Open(), Settings());
        reader.Read();
        while (!reader.EOF)
        {
            // <v> is a stored value, <t> the text of an inline string, <f> a formula.
            if (reader.NodeType == XmlNodeType.Element && IsMain(reader.NamespaceURI))
            {
                if (reader.LocalName == "f")
                {
                    return true;
                }

                if (reader.LocalName is "v" or "t")
                {
                    if (!string.IsNullOrWhiteSpace(reader.ReadElementContentAsString()))
                    {
                        return true;
                    }

                    continue; // already on the next node
                }
            }

            reader.Read();
        }

        return false;
    }

    /// <summary>The read sheet's bad cells and its merges that reach below the header.</summary>
    private static (Dictionary<(int Row, int Column), Cell> Bad, List<MergedRange> Merges) Cells(ZipArchiveEntry sheet)
    {
        var bad = new Dictionary<(int, int), Cell>();
        var merges = new List<MergedRange>();
        using var reader = XmlReader.Create(sheet.Open(), Settings());
        int row = 0, column = -1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !IsMain(reader.NamespaceURI))
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
                if (BadCell(reader) is { } cell)
                {
                    bad[(row, column)] = cell;
                }
            }
            else if (reader.LocalName == "mergeCell" && Range(reader.GetAttribute("ref")) is { ToRow: > 1 } merge)
            {
                merges.Add(merge); // a merge within the header row is layout, no value is lost
            }
        }

        merges.Sort((a, b) => a.FromRow.CompareTo(b.FromRow));
        return (bad, merges);
    }

    /// <summary>An Excel error cell, or a formula whose result was never stored (no <c>&lt;v&gt;</c>, so ExcelDataReader reads it as empty).</summary>
    private static Cell? BadCell(XmlReader reader)
    {
        bool error = reader.GetAttribute("t") == "e";
        if (reader.IsEmptyElement)
        {
            return error ? Cell.FromError("#ERROR") : null;
        }

        string? formula = null, value = null;
        using (var cell = reader.ReadSubtree())
        {
            cell.Read();
            while (!cell.EOF)
            {
                // Reading an element's content moves to the next node: no Read() after it.
                if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "f")
                {
                    formula = cell.ReadElementContentAsString();
                }
                else if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "v")
                {
                    value = cell.ReadElementContentAsString();
                }
                else
                {
                    cell.Read();
                }
            }
        }

        if (error)
        {
            return Cell.FromError(string.IsNullOrEmpty(value) ? "#ERROR" : value);
        }

        // A shared formula's other cells carry an empty <f/>: shown as "(formula)".
        return formula is not null && value is null
            ? Cell.FromBadValue(formula.Length == 0 ? "(formula)" : "=" + formula, "a formula without a stored result: open the workbook in Excel and save it again")
            : null;
    }

    /// <summary>A range such as <c>B2:B3</c>; null when it is no range of two or more cells.</summary>
    private static MergedRange? Range(string? reference)
    {
        var parts = reference?.Split(':');
        if (parts is not { Length: 2 } || Corner(parts[0]) is not { } from || Corner(parts[1]) is not { } to)
        {
            return null;
        }

        var range = new MergedRange(Math.Min(from.Row, to.Row), Math.Min(from.Column, to.Column), Math.Max(from.Row, to.Row), Math.Max(from.Column, to.Column));
        return range.FromRow == range.ToRow && range.FromColumn == range.ToColumn ? null : range;

        static (int Row, int Column)? Corner(string reference)
        {
            int digits = reference.AsSpan().IndexOfAnyInRange('0', '9');
            return ColumnOf(reference) is { } column && digits > 0
                && int.TryParse(reference.AsSpan(digits), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0
                ? (row, column)
                : null;
        }
    }

    /// <summary>The 0-based column of a cell reference such as <c>AB12</c>.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        int column = 0, i = 0;
        for (; i < reference.Length && i < 4 && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return i == 0 ? null : column - 1;
    }

    private static bool IsMain(string ns) => ns == MainNamespaces[0] || ns == MainNamespaces[1];

    private static XmlReaderSettings Settings() => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true };
}
