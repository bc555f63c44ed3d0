namespace Evaluation.Ingest.Reading;

/// <summary>A sheet of rows with a header row, read forward only so that memory stays flat.</summary>
public interface ITableReader : IDisposable
{
    /// <summary>The header names as written (trimmed).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>Moves to the next row; false at the end.</summary>
    bool Read();

    /// <summary>The current row's number in the file, header = 1 (a record spanning lines counts once).</summary>
    int RowNumber { get; }

    /// <summary>How many fields the current row has (CSV rows can have more or fewer than the header).</summary>
    int FieldCount { get; }

    Cell this[int index] { get; }
}
