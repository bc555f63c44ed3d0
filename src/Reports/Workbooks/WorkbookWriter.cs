using ClosedXML.Excel;
using Evaluation.Reports.Discretion;

namespace Evaluation.Reports.Workbooks;

/// <summary>Where a registered cell was printed, so that a test can read the workbook back and attack it.</summary>
public sealed record CellLocation(string File, string Sheet, string Address, int CellId);

/// <summary>
/// Writes a <see cref="WorkbookModel"/> as .xlsx with its charts as PNG beside it. Text is always set
/// as text, so nothing from an input file becomes a formula; numbers are written rounded to what the
/// page shows. Print: A4, fit to one page wide, the first table's header repeated on every page, the
/// title and as-of date in the page header, page numbers in the footer. Column widths come from the
/// text (characters × a factor, capped, long labels wrapped): ClosedXML's AdjustToContents measures
/// through libgdiplus, which is slow and leaks native memory per workbook.
/// </summary>
internal sealed partial class WorkbookWriter(Labels labels, string smallMark)
{
    private const double MaxTextWidth = 45;
    private const double MaxNumberWidth = 16;
    private const int ChartRows = 21;
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DCE6F1");
    private static readonly XLColor InternalColor = XLColor.FromHtml("#C00000");

    /// <summary>Writes the workbook into <paramref name="folder"/>; returns its path. Locations of registered cells are added to <paramref name="locations"/>.</summary>
    public string Write(WorkbookModel model, string folder, List<CellLocation>? locations)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, model.Stem + ".xlsx");
        var file = Path.GetFileName(path);
        var charts = new List<(string Name, byte[] Png)>();
        using (var workbook = new XLWorkbook())
        {
            foreach (var sheetModel in model.Sheets)
            {
                var sheet = workbook.AddWorksheet(sheetModel.Name);
                WriteSheet(sheet, model, sheetModel, file, locations, charts);
            }

            workbook.SaveAs(path);
        }

        AbsolutePrintTitles(path);

        if (charts.Count > 0)
        {
            var chartFolder = Path.Combine(folder, model.Stem + "_charts");
            Directory.CreateDirectory(chartFolder);
            foreach (var (name, png) in charts)
            {
                File.WriteAllBytes(Path.Combine(chartFolder, name + ".png"), png);
            }
        }

        return path;
    }

    private void WriteSheet(IXLWorksheet sheet, WorkbookModel model, SheetModel sheetModel, string file, List<CellLocation>? locations, List<(string, byte[])> charts)
    {
        int row = 1;
        var widths = new List<double>();
        var notes = new List<(int Row, string Text)>();
        int? repeatRow = null;
        if (model.Internal)
        {
            var banner = sheet.Cell(row++, 1);
            banner.SetValue(labels["internal.banner"]);
            banner.Style.Font.Bold = true;
            banner.Style.Font.FontColor = InternalColor;
        }

        foreach (var block in sheetModel.Blocks)
        {
            switch (block)
            {
                case TitleBlock title:
                    var t = sheet.Cell(row++, 1);
                    t.SetValue(title.Text);
                    t.Style.Font.Bold = true;
                    t.Style.Font.FontSize = 14;
                    if (title.Subtitle is not null)
                    {
                        notes.Add((row++, title.Subtitle));
                    }

                    row++;
                    break;
                case HeadingBlock heading:
                    row++;
                    var h = sheet.Cell(row++, 1);
                    h.SetValue(heading.Text);
                    h.Style.Font.Bold = true;
                    h.Style.Font.FontSize = 12;
                    break;
                case NoteBlock note:
                    notes.Add((row++, note.Text));
                    break;
                case TableBlock table:
                    repeatRow ??= row;
                    row = WriteTable(sheet, table, row, widths, file, locations) + 1;
                    break;
                case ChartBlock chart:
                    var png = chart.Render();
                    if (png is null)
                    {
                        break;
                    }

                    charts.Add((chart.Name, png));
                    using (var stream = new MemoryStream(png))
                    {
                        var picture = sheet.AddPicture(stream, chart.Name);
                        picture.MoveTo(sheet.Cell(row, 1));
                        picture.Scale(0.7);
                    }

                    row += ChartRows;
                    break;
            }
        }

        for (int c = 0; c < widths.Count; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        // Notes span the tables' width and wrap; their height follows from the characters per line.
        double span = Math.Max(widths.Sum(), 80);
        int lastColumn = Math.Max(widths.Count, 1);
        foreach (var (noteRow, text) in notes)
        {
            var cell = sheet.Cell(noteRow, 1);
            cell.SetValue(text);
            if (lastColumn > 1)
            {
                sheet.Range(noteRow, 1, noteRow, lastColumn).Merge();
            }

            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            int lines = Math.Max(1, (int)Math.Ceiling(text.Length * 1.1 / Math.Max(widths.Count > 0 ? widths.Sum() : 80, 40)));
            sheet.Row(noteRow).Height = 15 * lines;
        }

        if (widths.Count == 0)
        {
            sheet.Column(1).Width = span;
        }

        var setup = sheet.PageSetup;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.PageOrientation = widths.Sum() > 110 ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        setup.FitToPages(1, 0);
        setup.Margins.Top = 0.9;
        setup.Margins.Header = 0.3;
        if (repeatRow is { } r)
        {
            setup.SetRowsToRepeatAtTop(r, r);
        }

        setup.Header.Center.AddText(HeaderText(model.Title), XLHFOccurrence.AllPages);
        setup.Footer.Center.AddText(labels["print.page"], XLHFOccurrence.AllPages);
        setup.Footer.Center.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        setup.Footer.Center.AddText(labels["print.of"], XLHFOccurrence.AllPages);
        setup.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
        if (model.Internal)
        {
            setup.Header.Left.AddText(labels["internal.short"], XLHFOccurrence.AllPages).SetBold().SetFontColor(InternalColor);
        }
    }

    /// <summary>
    /// ClosedXML writes repeated rows as <c>Sheet!4:4</c>; LibreOffice (and so the rendered pages)
    /// ignores that form and needs <c>'Sheet'!$4:$4</c>, which Excel writes and reads too.
    /// </summary>
    private static void AbsolutePrintTitles(string path)
    {
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/workbook.xml");
        if (entry is null)
        {
            return;
        }

        string xml;
        using (var reader = new StreamReader(entry.Open(), System.Text.Encoding.UTF8))
        {
            xml = reader.ReadToEnd();
        }

        var fixedXml = PrintTitles().Replace(xml, m => $"{m.Groups[1].Value}'{m.Groups[2].Value.Trim('\'')}'!${m.Groups[3].Value}:${m.Groups[4].Value}<");
        if (fixedXml == xml)
        {
            return;
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open(), new System.Text.UTF8Encoding(false));
        writer.Write(fixedXml);
    }

    [System.Text.RegularExpressions.GeneratedRegex("(<x:definedName name=\"_xlnm.Print_Titles\"[^>]*>)([^<!]+)!\\$?(\\d+):\\$?(\\d+)<")]
    private static partial System.Text.RegularExpressions.Regex PrintTitles();

    /// <summary>Writes header and rows from <paramref name="top"/>; returns the row after the table.</summary>
    private int WriteTable(IXLWorksheet sheet, TableBlock table, int top, List<double> widths, string file, List<CellLocation>? locations)
    {
        int columns = table.Header.Count;
        var numeric = new bool[columns];
        var width = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            // A header wraps at its spaces: its longest word sets the least width.
            width[c] = table.Header[c].Split(' ').Max(w => w.Length) + 2;
        }

        int r = top;
        var wrapped = new List<(int Row, int Column, int Length)>();
        foreach (var values in table.Rows)
        {
            r++;
            var fill = table.RowColor?.Invoke(values);
            for (int c = 0; c < values.Length && c < columns; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                var (text, isNumber) = Set(cell, values[c], file, sheet.Name, locations);
                numeric[c] |= isNumber;
                width[c] = Math.Max(width[c], Math.Min(text + 2, isNumber ? MaxNumberWidth : MaxTextWidth));
                if (!isNumber && text > MaxTextWidth)
                {
                    cell.Style.Alignment.WrapText = true;
                    wrapped.Add((r, c, text));
                }

                var color = table.CellColor?.Invoke(c, values[c]) ?? fill;
                if (color is not null)
                {
                    cell.Style.Fill.BackgroundColor = XLColor.FromHtml(color);
                }
            }
        }

        for (int c = 0; c < columns; c++)
        {
            var cell = sheet.Cell(top, c + 1);
            cell.SetValue(table.Header[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Bottom;
            if (numeric[c])
            {
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            }

            if (c >= widths.Count)
            {
                widths.Add(0);
            }

            widths[c] = Math.Max(widths[c], Math.Max(width[c], 6));
        }

        // A wrapped cell's row is as tall as its lines: no reader (LibreOffice included) sizes it on opening.
        // Its cells read from the top.
        foreach (var rowLines in wrapped.GroupBy(w => w.Row, w => (int)Math.Ceiling(w.Length * 1.1 / Math.Max(8, width[w.Column] - 2))))
        {
            sheet.Row(rowLines.Key).Height = 15 * rowLines.Max();
            sheet.Range(rowLines.Key, 1, rowLines.Key, columns).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        }

        // Text right after a number column (a band after its score, a list after a percentage) keeps a space from it.
        for (int c = 1; c < columns; c++)
        {
            if (numeric[c - 1] && !numeric[c])
            {
                sheet.Range(top, c + 1, r, c + 1).Style.Alignment.Indent = 1;
            }
        }

        int longest = table.Header.Max(h => h.Length);
        sheet.Row(top).Height = 15 * Math.Clamp((int)Math.Ceiling(longest / Math.Max(8.0, width.Min())), 1, 4);
        if (table.Rows.Count > 0)
        {
            sheet.Range(top, 1, r, columns).SetAutoFilter();
        }

        return r + 1;
    }

    /// <summary>
    /// The title as a page header takes it: '&amp;' doubled (it starts a header code), no control
    /// characters (not allowed in the file's XML), and short enough for Excel's limit of 255
    /// characters for a whole header, codes included (a long municipality name is cut with "…").
    /// </summary>
    internal static string HeaderText(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = string.Concat(title.Where(c => !char.IsControl(c)));
        if (text.Length > 150)
        {
            text = string.Concat(text.AsSpan(0, 149), "…");
        }

        return text.Replace("&", "&&", StringComparison.Ordinal);
    }

    /// <summary>Sets one cell; returns the printed length and whether it is a number column's cell.</summary>
    private (int Length, bool Number) Set(IXLCell cell, object? value, string file, string sheetName, List<CellLocation>? locations)
    {
        switch (value)
        {
            case null:
                return (0, false);
            case string text:
                cell.SetValue(text);
                return (text.Length, false);
            case int i:
                cell.SetValue(i);
                return (Digits(i), true);
            case Plain plain:
                cell.SetValue(plain.Value);
                cell.Style.NumberFormat.Format = plain.Format;
                return (plain.Format.Length + 2, true);
            case PValue p:
                locations?.Add(new CellLocation(file, sheetName, cell.Address.ToString()!, p.Cell.Id));
                if (p.Cell is { Mark: Mark.Shown, Rounded: 0 })
                {
                    return MarkCell(cell, labels["p.below"]);
                }

                return Registered(cell, p.Cell, "0.000");
            case DiscretionCell registered:
                locations?.Add(new CellLocation(file, sheetName, cell.Address.ToString()!, registered.Id));
                return Registered(cell, registered, Format(registered));
            default:
                var s = Convert.ToString(value, labels.Culture) ?? "";
                cell.SetValue(s);
                return (s.Length, false);
        }
    }

    private (int, bool) Registered(IXLCell cell, DiscretionCell registered, string format)
    {
        switch (registered.Mark)
        {
            case Discretion.Mark.Small:
                return MarkCell(cell, smallMark);
            case Discretion.Mark.Hidden:
                return MarkCell(cell, DiscretionEngine.HiddenMark);
            default:
                if (registered.Rounded is not { } v)
                {
                    return (0, true);
                }

                cell.SetValue(v);
                cell.Style.NumberFormat.Format = format;
                return (Math.Max(format.Length, Digits(v)) + 1, true);
        }
    }

    /// <summary>A mark in a number column, right-aligned under its header.</summary>
    private static (int, bool) MarkCell(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        return (text.Length, true);
    }

    private static string Format(DiscretionCell cell) => cell.Kind switch
    {
        CellKind.Share or CellKind.Statistic when cell.Kind == CellKind.Share || cell.Percent => cell.Decimals <= 2 ? "0%" : "0." + new string('0', cell.Decimals - 2) + "%",
        _ => cell.Decimals == 0 ? "0" : "0." + new string('0', cell.Decimals),
    };

    private static int Digits(double v) => Math.Abs(v) < 1 ? 2 : (int)Math.Floor(Math.Log10(Math.Abs(v))) + 2;
}
