using ClosedXML.Excel;

namespace Evaluation.Reports.Workbooks;

/// <summary>
/// Writing helpers for one worksheet: a title, tables with a header row and filters, number
/// formats, pictures, print setup. Text is always written as text, so nothing from an input file
/// can become a formula.
/// </summary>
internal sealed class Sheet(IXLWorksheet worksheet)
{
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DCE6F1");
    private int tables;

    public IXLWorksheet Worksheet { get; } = worksheet;

    /// <summary>The next free row.</summary>
    public int Row { get; set; } = 1;

    public void Title(string text, string? subtitle = null)
    {
        var cell = Worksheet.Cell(Row++, 1);
        cell.SetValue(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 14;
        if (subtitle is not null)
        {
            Worksheet.Cell(Row++, 1).SetValue(subtitle);
        }

        Row++;
    }

    public void Note(string text)
    {
        var cell = Worksheet.Cell(Row++, 1);
        cell.SetValue(text);
        cell.Style.Font.Italic = true;
        cell.Style.Alignment.WrapText = false;
    }

    public void Heading(string text)
    {
        var cell = Worksheet.Cell(Row++, 1);
        cell.SetValue(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 12;
    }

    /// <summary>Writes a table (header, rows, filter buttons) and returns its range; formats apply per column ("0.0", "0.0%", ...).</summary>
    public IXLRange Table(IReadOnlyList<string> header, IEnumerable<object?[]> rows, IReadOnlyList<string?>? formats = null)
    {
        int top = Row;
        for (int c = 0; c < header.Count; c++)
        {
            var cell = Worksheet.Cell(top, c + 1);
            cell.SetValue(header[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
        }

        int r = top;
        foreach (var row in rows)
        {
            r++;
            for (int c = 0; c < row.Length; c++)
            {
                Set(Worksheet.Cell(r, c + 1), row[c], formats is not null && c < formats.Count ? formats[c] : null);
            }
        }

        if (r == top)
        {
            r++; // an empty table still needs a data row
        }

        var range = Worksheet.Range(top, 1, r, header.Count);
        range.CreateTable($"{Worksheet.Name.Replace(' ', '_')}_{++tables}".Replace("æ", "ae").Replace("ø", "oe").Replace("å", "aa")).ShowAutoFilter = true;
        Row = r + 2;
        return range;
    }

    public void Picture(byte[] png, string name, int column = 1)
    {
        using var stream = new MemoryStream(png);
        var picture = Worksheet.AddPicture(stream, name);
        picture.MoveTo(Worksheet.Cell(Row, column));
        picture.Scale(0.75);
        Row += 22;
    }

    /// <summary>Frozen header, columns sized to their contents, landscape, fit to one page wide.</summary>
    public void Finish(int frozenRows)
    {
        if (frozenRows > 0)
        {
            Worksheet.SheetView.FreezeRows(frozenRows);
        }

        // Widths from the first rows only: measuring every cell of a long sheet (through libgdiplus)
        // took minutes, and the first few hundred rows show the widths as well.
        Worksheet.Columns().AdjustToContents(1, Math.Clamp(Row, 1, 300), 8, 60);
        Worksheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        Worksheet.PageSetup.FitToPages(1, 0);
    }

    private static void Set(IXLCell cell, object? value, string? format)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                cell.SetValue(text);
                if (text.StartsWith('<') || text == Disclosure.SecondaryMark)
                {
                    cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right; // a suppressed number stays in the number column
                }

                break;
            case int i:
                cell.SetValue(i);
                break;
            case double d:
                cell.SetValue(d);
                if (format is not null)
                {
                    cell.Style.NumberFormat.Format = format;
                }

                break;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                break;
            case bool b:
                cell.SetValue(b);
                break;
            default:
                cell.SetValue(value.ToString() ?? "");
                break;
        }
    }
}
