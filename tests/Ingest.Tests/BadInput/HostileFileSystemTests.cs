using Evaluation.Ingest.Reading;
using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.BadInput;

/// <summary>
/// Entries that are not regular files (issue 17: a link to the pseudonym key, a named pipe): reported
/// and skipped, never followed or opened; nothing of a link's target reaches a report.
/// </summary>
public sealed class HostileFileSystemTests : IDisposable
{
    private const string Secret = "SECRET-KEY-MATERIAL";
    private readonly TempFolder folder = new();
    private readonly TempFolder outside = new();

    public HostileFileSystemTests() => Inbox.WriteSibling(folder);

    [Fact]
    public void Read_DoesNotFollowASymbolicLink_AndReportsItWithoutItsTarget()
    {
        var target = outside.Write("database.key", $"course_id,{Secret}\n");
        File.CreateSymbolicLink(folder.Combine("X", "courses_x.csv"), target);

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        Inbox.AssertUnreadable(Inbox.File(read.Files, "X/courses_x.csv"), "a symbolic link; links are not followed");
        Assert.DoesNotContain(read.Files.SelectMany(f => f.Errors), e => $"{e.Column}{e.Value}{e.Reason}".Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DoesNotFollowALinkedMunicipalityFolder()
    {
        outside.Write("Y/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("Y-1")}\n");
        Directory.CreateSymbolicLink(folder.Combine("Y"), outside.Combine("Y"));

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        Inbox.AssertUnreadable(Inbox.File(read.Files, "Y/"), "a symbolic link");
        Assert.DoesNotContain(read.Data.Courses, c => c.CourseId == "Y-1");
    }

    [Fact]
    public async Task Read_SkipsANamedPipe_WithoutWaitingOnIt()
    {
        var pipe = folder.Combine("X", "courses_p.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe))
        {
            await mkfifo.WaitForExitAsync();
        }

        var read = await Task.Run(() => Inbox.Read(folder)).WaitAsync(TimeSpan.FromSeconds(30));

        Inbox.AssertSiblingLoaded(read);
        Inbox.AssertUnreadable(Inbox.File(read.Files, "X/courses_p.csv"), "a named pipe, not a file");
    }

    [Fact]
    public void Read_ReportsAFolderInsideAMunicipalityFolder()
    {
        Directory.CreateDirectory(folder.Combine("X", "courses_old.csv"));

        var read = Inbox.Read(folder);

        Inbox.AssertSiblingLoaded(read);
        Inbox.AssertUnreadable(Inbox.File(read.Files, "X/courses_old.csv/"), "a folder inside a municipality folder");
    }

    [Fact]
    public void OpenRead_RefusesALink_EvenWhenListingMissedIt()
    {
        var target = outside.Write("plain.csv", "a\n");
        var link = folder.Combine("X", "swapped.csv");
        File.CreateSymbolicLink(link, target);

        var error = Assert.Throws<UnreadableFileException>(() => SafeFile.OpenRead(link));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenRead_RefusesADevice()
    {
        var error = Assert.Throws<UnreadableFileException>(() => SafeFile.OpenRead("/dev/zero"));

        Assert.Contains("a device", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        folder.Dispose();
        outside.Dispose();
    }
}
