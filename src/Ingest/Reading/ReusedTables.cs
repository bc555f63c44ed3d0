using System.Collections.Concurrent;

namespace Evaluation.Ingest.Reading;

/// <summary>
/// The per-file lookup tables of reading (the natural keys seen so far, the contact occurrences),
/// reused from one file to the next. The table of a large file is megabytes, a large object to the
/// runtime: allocating one per file (and again at every doubling) made the garbage collector stop
/// everything for a full collection about once per file, a tenth of ingest's time. A few cleared
/// tables are kept, none so large that keeping it would matter.
/// </summary>
internal static class ReusedTables<TKey>
    where TKey : notnull
{
    /// <summary>Two lanes of ingest, each with at most two tables open at once.</summary>
    private const int Kept = 4;

    /// <summary>About 16 MB for a table of this many entries: a larger one is left to the collector.</summary>
    private const int MaxKeptEntries = 500_000;

    private static readonly ConcurrentBag<Dictionary<TKey, int>> Free = [];

    /// <summary>An empty table, reused when one is free.</summary>
    public static Dictionary<TKey, int> Rent() => Free.TryTake(out var table) ? table : [];

    /// <summary>Gives a table back once its file is read; it must not be used after this.</summary>
    public static void Return(Dictionary<TKey, int> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Count <= MaxKeptEntries && Free.Count < Kept)
        {
            table.Clear();
            Free.Add(table);
        }
    }
}
