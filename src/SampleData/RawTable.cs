namespace Evaluation.SampleData;

/// <summary>
/// Rows of one input kind in canonical form (English column names, typed values: DateOnly, int,
/// double, bool, string), before a municipality's dialect turns them into a file.
/// </summary>
public sealed class RawTable(IReadOnlyList<string> columns)
{
    private readonly Dictionary<string, int> indexes = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);

    public IReadOnlyList<string> Columns { get; } = columns;

    public int IndexOf(string column) => indexes[column];

    public List<object?[]> Rows { get; } = [];

    public void Add(params object?[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"Expected {Columns.Count} values, got {values.Length}.", nameof(values));
        }

        Rows.Add(values);
    }
}
