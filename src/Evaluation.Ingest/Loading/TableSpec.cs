using Npgsql;
using NpgsqlTypes;

namespace Evaluation.Ingest.Loading;

/// <summary>One column of a staging table: its name, its PostgreSQL type and how to write it from a record.</summary>
public sealed record StageColumn<T>(string Name, string SqlType, Action<NpgsqlBinaryImporter, T> Write);

/// <summary>Typed staging columns: each writes its value without boxing, or NULL.</summary>
public static class Stage
{
    public static StageColumn<T> Text<T>(string name, Func<T, string?> value) =>
        new(name, "text", (w, r) => Write(w, value(r), NpgsqlDbType.Text));

    public static StageColumn<T> Jsonb<T>(string name, Func<T, string> value) =>
        new(name, "jsonb", (w, r) => w.Write(value(r), NpgsqlDbType.Jsonb));

    public static StageColumn<T> Date<T>(string name, Func<T, DateOnly?> value) =>
        new(name, "date", (w, r) => Write(w, value(r), NpgsqlDbType.Date));

    public static StageColumn<T> Integer<T>(string name, Func<T, int?> value) =>
        new(name, "integer", (w, r) => Write(w, value(r), NpgsqlDbType.Integer));

    public static StageColumn<T> Double<T>(string name, Func<T, double> value) =>
        new(name, "double precision", (w, r) => w.Write(value(r), NpgsqlDbType.Double));

    public static StageColumn<T> Boolean<T>(string name, Func<T, bool?> value) =>
        new(name, "boolean", (w, r) => Write(w, value(r), NpgsqlDbType.Boolean));

    private static void Write(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    private static void Write<TValue>(NpgsqlBinaryImporter writer, TValue? value, NpgsqlDbType type)
        where TValue : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}

/// <summary>
/// How records of one kind reach their table, whose columns are <see cref="Stage"/> plus
/// <c>source_file_id</c>: copied straight in when all their natural keys are new, else staged by
/// binary COPY and merged set-based on the natural key (<see cref="Keys"/>).
/// </summary>
public sealed record TableSpec<T>(
    string Table,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> Values,
    IReadOnlyList<StageColumn<T>> Stage)
{
    public IEnumerable<string> TargetColumns => Keys.Concat(Values);
}
