namespace Evaluation.Export;

/// <summary>The type of an exported column, as written to CSV, Parquet and the codebook.</summary>
public enum ColumnType
{
    Text,
    Integer,
    Decimal,
}

/// <summary>One column of an export file with its codebook entry (labels in Danish and English, unit, values, missing).</summary>
public sealed record ExportColumn(string Name, ColumnType Type, string LabelDa, string LabelEn, string Unit = "", string Values = "", string Missing = "not known or not applicable / ikke kendt eller ikke relevant");

/// <summary>A rectangular dataset: columns and rows of values (string, int, double or null).</summary>
public sealed class ExportTable(string name, IReadOnlyList<ExportColumn> columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<ExportColumn> Columns { get; } = columns;

    public List<object?[]> Rows { get; } = [];

    public int IndexOf(string column) => Columns.ToList().FindIndex(c => c.Name == column);
}
