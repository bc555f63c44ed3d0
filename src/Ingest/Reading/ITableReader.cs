using System.Globalization;

namespace Evaluation.Ingest.Reading;

/// <summary>A sheet of rows with a header row, read forward only so that memory stays flat.</summary>
public interface ITableReader : IDisposable
{
    /// <summary>The header names as written (trimmed).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>
    /// Notes on the file as a whole that stop nothing, reported against row 1 (e.g. the sheets of a
    /// workbook that hold data but were not read).
    /// </summary>
    IReadOnlyList<string> HeaderNotes => [];

    /// <summary>
    /// Whether a row with more or fewer fields than the header is misaligned as a whole (CSV: a
    /// separator or quote is off). A sheet's cells stay in their columns, so a workbook reports each
    /// value beyond the header on its own instead.
    /// </summary>
    bool FieldsCanShift => true;

    /// <summary>Moves to the next row; false at the end.</summary>
    bool Read();

    /// <summary>The current row's number in the file, header = 1 (a record spanning lines counts once).</summary>
    int RowNumber { get; }

    /// <summary>How many fields the current row has (CSV rows can have more or fewer than the header).</summary>
    int FieldCount { get; }

    Cell this[int index] { get; }

    /// <summary>A column as the person who made the file sees it: its number in a CSV file, its letter in a workbook.</summary>
    string ColumnLabel(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
