namespace Evaluation.Host.Platform.Board;

/// <summary>A workbook publish wrote; the internal management workbook is told by its file name.</summary>
public sealed record Workbook(string Name, string Path, long Bytes, DateTimeOffset Written)
{
    /// <summary>The internal management workbook: <c>_ledelse_</c> or <c>_management_</c> in its name.</summary>
    public bool Internal =>
        Name.Contains("_ledelse_", StringComparison.OrdinalIgnoreCase) || Name.Contains("_management_", StringComparison.OrdinalIgnoreCase);

    /// <summary>The workbooks in a published folder (not the chart PNGs beside them).</summary>
    public static IReadOnlyList<Workbook> In(ResultRun? run)
    {
        if (run is null || !Directory.Exists(run.Folder))
        {
            return [];
        }

        return Directory.GetFiles(run.Folder, "*.xlsx")
            .Select(f => new FileInfo(f))
            .Select(f => new Workbook(f.Name, f.FullName, f.Length, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero)))
            .OrderBy(w => w.Internal).ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
    }
}
