namespace Evaluation.Export;

/// <summary>
/// The type of an exported column (SPEC §8: Parquet columns are typed). Text is a Parquet UTF-8
/// string (codes and labels), Integer a signed 32-bit integer, Double a 64-bit float, Date a
/// Parquet DATE (days since 1970-01-01), written yyyy-MM-dd in CSV.
/// </summary>
public enum ColumnType
{
    Text,
    Integer,
    Double,
    Date,
}

/// <summary>
/// One column of an export file with its codebook entry (SPEC §8): labels in Danish and English,
/// type, unit, range, codes, and what an empty value means for this variable.
/// </summary>
public sealed record ExportColumn(string Name, ColumnType Type, string LabelDa, string LabelEn, string Missing, string Unit = "", string Range = "", string Codes = "")
{
    /// <summary>The type as the codebook and the README name it (the Parquet logical/physical type).</summary>
    public string TypeName => Type switch
    {
        ColumnType.Integer => "int32",
        ColumnType.Double => "double",
        ColumnType.Date => "date",
        _ => "string",
    };
}

/// <summary>A rectangular dataset: columns and rows of values (string, int, double, DateOnly or null).</summary>
public sealed class ExportTable
{
    public ExportTable(string name, IReadOnlyList<ExportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);

        // SPEC §8: no name is used twice (a reader keeps one of two same-named columns).
        if (columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"The column name {twice.Key} is used twice in {name}.", nameof(columns));
        }

        Name = name;
        Columns = columns;
    }

    public string Name { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    public List<object?[]> Rows { get; } = [];

    public int IndexOf(string column)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        return -1;
    }
}
