using System.Globalization;
using System.Text.Json;
using Evaluation.Ingest;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Host.Platform;

/// <summary>
/// The folder municipalities drop files into (SPEC §9), laid out like any ingest folder
/// (<c>&lt;inbox&gt;/&lt;municipality&gt;/&lt;kind&gt;*.csv|xlsx</c>). A handled file leaves it: to
/// <c>archive/&lt;batch&gt;/</c> when it loaded, to <c>quarantine/&lt;batch&gt;/</c> when the file as a whole
/// was unusable, with its error report beside it as <c>&lt;name&gt;.report.json</c>.
/// </summary>
public sealed class Inbox(string folder, TimeSpan settle)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public string ArchiveFolder => Path.Combine(Folder, "archive");

    public string QuarantineFolder => Path.Combine(Folder, "quarantine");

    /// <summary>
    /// The files to ingest now, in ingest order; none while any file is still being written (changed
    /// within the settle time), so that a contacts file never goes in before the courses it refers to.
    /// </summary>
    public IReadOnlyList<InboxFile> ReadyFiles(DateTime utcNow)
    {
        Directory.CreateDirectory(Folder);
        var files = InboxFile.List(Folder);
        return files.Any(f => File.GetLastWriteTimeUtc(f.Path) > utcNow - settle) ? [] : files;
    }

    /// <summary>A file loaded nothing because it was unusable as a whole: unknown kind, a fatal header problem, or every row bad.</summary>
    public static bool Failed(FileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Kind == "unknown" || (report.Loaded + report.Unchanged == 0 && report.Errors.Count > 0);
    }

    /// <summary>Moves a handled file out of the inbox; returns where it went.</summary>
    public string MoveOut(InboxFile file, FileReport report, string batch) =>
        Move(file, report, Failed(report) ? QuarantineFolder : ArchiveFolder, batch);

    /// <summary>A file that could not be read at all (e.g. a damaged workbook) goes to quarantine with the reason.</summary>
    public string Reject(InboxFile file, string reason, string batch)
    {
        ArgumentNullException.ThrowIfNull(file);
        var report = new FileReport(file.DisplayName, file.Kind?.Code() ?? "unknown", 0, 0, 0, 0, [new IngestError(0, null, null, reason)]);
        return Move(file, report, QuarantineFolder, batch);
    }

    private static string Move(InboxFile file, FileReport report, string destination, string batch)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(report);
        var target = Path.Combine(destination, batch, file.DisplayName);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (report.Errors.Count > 0)
        {
            File.WriteAllText(target + ".report.json", JsonSerializer.Serialize(report, JsonOutput.Options));
        }

        File.Move(file.Path, target, overwrite: true);
        return target;
    }

    /// <summary>A folder name for one scan: its UTC time, sortable.</summary>
    public static string BatchName(DateTime utcNow) => utcNow.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
