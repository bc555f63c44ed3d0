using System.Buffers;
using System.Text.Json;

namespace Evaluation.Ingest.Loading;

/// <summary>One column of a staging table: its name, its PostgreSQL type and how to write it from a record.</summary>
public sealed record StageColumn<T>(string Name, string SqlType, Action<BinaryCopyWriter, T> Write);

/// <summary>Typed staging columns: each writes its value in binary COPY format, or NULL.</summary>
public static class Stage
{
    // One JSON buffer per thread: two kinds load at a time, and tests load in parallel.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? jsonBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? jsonWriter;

    public static StageColumn<T> Text<T>(string name, Func<T, string?> value) =>
        new(name, "text", (w, r) => w.WriteText(value(r)));

    /// <summary>A JSON object written straight to UTF-8 (no string in between).</summary>
    public static StageColumn<T> Jsonb<T>(string name, Action<Utf8JsonWriter, T> writeObject) =>
        new(name, "jsonb", (w, r) =>
        {
            var buffer = jsonBuffer ??= new ArrayBufferWriter<byte>(1024);
            buffer.ResetWrittenCount();
            var json = jsonWriter ??= new Utf8JsonWriter(buffer);
            json.Reset(buffer);
            json.WriteStartObject();
            writeObject(json, r);
            json.WriteEndObject();
            json.Flush();
            w.WriteJsonb(buffer.WrittenSpan);
        });

    public static StageColumn<T> Date<T>(string name, Func<T, DateOnly?> value) =>
        new(name, "date", (w, r) => w.WriteDate(value(r)));

    public static StageColumn<T> Integer<T>(string name, Func<T, int?> value) =>
        new(name, "integer", (w, r) => w.WriteInteger(value(r)));

    public static StageColumn<T> Double<T>(string name, Func<T, double> value) =>
        new(name, "double precision", (w, r) => w.WriteDouble(value(r)));

    public static StageColumn<T> Boolean<T>(string name, Func<T, bool?> value) =>
        new(name, "boolean", (w, r) => w.WriteBoolean(value(r)));
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
