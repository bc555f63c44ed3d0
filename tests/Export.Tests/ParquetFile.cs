using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace Evaluation.Export.Tests;

/// <summary>A Parquet file read back with Parquet.Net: the schema elements (physical and logical types) and each column's values.</summary>
internal sealed record ParquetFile(IReadOnlyList<SchemaElement> Schema, IReadOnlyList<string> Names, IReadOnlyDictionary<string, object?[]> Columns, int RowCount)
{
    public static async Task<ParquetFile> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = reader.Schema.GetDataFields();
        var columns = new Dictionary<string, object?[]>();
        int rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rows += (int)group.RowCount;
            foreach (var field in fields)
            {
                var values = await ReadAsync(group, field, (int)group.RowCount);
                columns[field.Name] = columns.TryGetValue(field.Name, out var before) ? [.. before, .. values] : values;
            }
        }

        // The first schema element is the root; the rest are the columns in order.
        return new ParquetFile(reader.Metadata!.Schema.Skip(1).ToList(), [.. fields.Select(f => f.Name)], columns, rows);
    }

    public SchemaElement Element(string name) => Schema.Single(e => e.Name == name);

    private static async Task<object?[]> ReadAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory());
            return strings;
        }

        if (field.ClrType == typeof(int))
        {
            return Box(await Read<int>(group, field, count));
        }

        if (field.ClrType == typeof(double))
        {
            return Box(await Read<double>(group, field, count));
        }

        if (field.ClrType == typeof(DateOnly))
        {
            return Box(await Read<DateOnly>(group, field, count));
        }

        throw new NotSupportedException($"{field.Name}: {field.ClrType}");
    }

    private static async Task<T?[]> Read<T>(ParquetRowGroupReader group, DataField field, int count)
        where T : struct
    {
        var values = new T?[count];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static object?[] Box<T>(T?[] values)
        where T : struct => [.. values.Select(v => v is { } x ? (object?)x : null)];
}
