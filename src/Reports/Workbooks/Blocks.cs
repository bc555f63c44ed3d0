using Evaluation.Reports.Discretion;

namespace Evaluation.Reports.Workbooks;

/// <summary>A piece of a worksheet, laid out top to bottom by <see cref="WorkbookWriter"/>.</summary>
internal abstract record Block;

internal sealed record TitleBlock(string Text, string? Subtitle = null) : Block;

internal sealed record HeadingBlock(string Text) : Block;

/// <summary>Plain-language text, wrapped across the width of the sheet's tables.</summary>
internal sealed record NoteBlock(string Text) : Block;

/// <summary>
/// A table: a header row and rows of text, numbers (<see cref="Plain"/>), or registered cells
/// (<see cref="DiscretionCell"/>, <see cref="PValue"/>) that print as the discretion engine decided.
/// <paramref name="RowColor"/> may colour a row (overdue courses), <paramref name="CellColor"/> a cell (fidelity bands).
/// </summary>
internal sealed record TableBlock(
    IReadOnlyList<string> Header,
    IReadOnlyList<object?[]> Rows,
    Func<object?[], string?>? RowColor = null,
    Func<int, object?, string?>? CellColor = null) : Block;

/// <summary>A chart drawn when the workbook is written (after discretion is decided); null when there is nothing that may be drawn.</summary>
internal sealed record ChartBlock(string Name, Func<byte[]?> Render) : Block;

internal sealed record SheetModel(string Name, IReadOnlyList<Block> Blocks);

/// <summary>One workbook: its file stem, the title printed in every page header, whether it is internal, and its sheets.</summary>
internal sealed record WorkbookModel(string Stem, string Title, bool Internal, IReadOnlyList<SheetModel> Sheets);

/// <summary>A number that is not subject to discretion (a reference value, an FTE), with its Excel format.</summary>
internal sealed record Plain(double Value, string Format);

/// <summary>A p-value: three decimals, and "&lt; 0,001" below that.</summary>
internal sealed record PValue(DiscretionCell Cell);

/// <summary>Builds a table row; arrays and sequences among the items (but not text) are spread into it.</summary>
internal static class TableRow
{
    public static object?[] Of(params object?[] items)
    {
        var row = new List<object?>(items.Length);
        foreach (var item in items)
        {
            if (item is System.Collections.IEnumerable sequence and not string)
            {
                row.AddRange(sequence.Cast<object?>());
            }
            else
            {
                row.Add(item);
            }
        }

        return [.. row];
    }
}
