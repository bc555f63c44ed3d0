using NpgsqlTypes;

namespace Evaluation.Ingest.Loading;

/// <summary>One column of a staging table: its name, its PostgreSQL type and how to get it from a record.</summary>
public sealed record StageColumn<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

/// <summary>
/// How records of one kind reach their table: staged by binary COPY, then upserted set-based on
/// the natural key. <see cref="Incoming"/> turns the staging rows into target rows (contacts number
/// identical rows there); by default the staging table already has the target's shape.
/// </summary>
public sealed record TableSpec<T>(
    string Table,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> Values,
    IReadOnlyList<StageColumn<T>> Stage,
    string? Incoming = null)
{
    public IEnumerable<string> TargetColumns => Keys.Concat(Values);
}
