using Evaluation.Host.Platform;
using Evaluation.Ingest;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Platform;

/// <summary>Which inbox files are taken, and where a handled file goes.</summary>
public sealed class InboxTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void Nothing_is_taken_while_any_file_is_still_being_written()
    {
        folder.Write("Aalborg/courses.csv", "x");
        var contacts = folder.Write("Aalborg/contacts.csv", "x");
        var inbox = new Inbox(folder.Path, TimeSpan.FromSeconds(5));
        var now = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(folder.Combine("Aalborg/courses.csv"), now.AddSeconds(-2));
        File.SetLastWriteTimeUtc(contacts, now.AddMinutes(-1));

        Assert.Empty(inbox.ReadyFiles(now));
        Assert.Equal(["Aalborg/courses.csv", "Aalborg/contacts.csv"], inbox.ReadyFiles(now.AddSeconds(4)).Select(f => f.DisplayName));
    }

    [Fact]
    public void Archived_and_quarantined_files_are_not_taken_again()
    {
        folder.Write("archive/2026-11-24T080000Z/Aalborg/courses.csv", "x");
        folder.Write("quarantine/2026-11-24T080000Z/Aalborg/notes.csv", "x");

        Assert.Empty(new Inbox(folder.Path, TimeSpan.Zero).ReadyFiles(DateTime.UtcNow.AddMinutes(1)));
    }

    [Theory]
    [InlineData("courses", 10, 9, 0, 1, false)] // some bad rows: the file loaded
    [InlineData("courses", 10, 0, 10, 0, false)] // all unchanged: loaded before
    [InlineData("courses", 0, 0, 0, 0, false)] // an empty file
    [InlineData("courses", 10, 0, 0, 10, true)] // every row bad
    [InlineData("unknown", 0, 0, 0, 0, true)]
    public void A_file_failed_when_it_loaded_nothing_because_of_errors(string kind, int rows, int loaded, int unchanged, int quarantined, bool failed)
    {
        IReadOnlyList<IngestError> errors = quarantined > 0 || kind == "unknown" ? [new IngestError(2, "x", null, "bad")] : [];

        Assert.Equal(failed, Inbox.Failed(new FileReport("f.csv", kind, rows, loaded, unchanged, quarantined, errors)));
    }

    [Fact]
    public void A_loaded_file_with_bad_rows_is_archived_with_its_report_beside_it()
    {
        var path = folder.Write("Odense/contacts.csv", "x");
        var file = new InboxFile(path, "Odense/contacts.csv", InputKind.Contacts, "Odense");
        var inbox = new Inbox(folder.Path, TimeSpan.Zero);

        var target = inbox.MoveOut(file, new FileReport(file.DisplayName, "contacts", 3, 2, 0, 1, [new IngestError(3, "date", "31-02-2026", "not a date")]), "batch");

        Assert.Equal(folder.Combine("archive", "batch", "Odense", "contacts.csv"), target);
        Assert.False(File.Exists(path));
        Assert.Contains("not a date", File.ReadAllText(target + ".report.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_quarantined_with_the_reason()
    {
        var path = folder.Write("Odense/answers.xlsx", "not a workbook");
        var file = new InboxFile(path, "Odense/answers.xlsx", InputKind.Answers, "Odense");

        var target = new Inbox(folder.Path, TimeSpan.Zero).Reject(file, "the file could not be read: damaged", "batch");

        Assert.Equal(folder.Combine("quarantine", "batch", "Odense", "answers.xlsx"), target);
        Assert.Contains("damaged", File.ReadAllText(target + ".report.json"), StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
