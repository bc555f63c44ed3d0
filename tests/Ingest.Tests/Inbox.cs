using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Ingest;
using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests;

/// <summary>Helpers to write small inbox folders for the tests; CPR numbers here are synthetic.</summary>
internal static class Inbox
{
    public static readonly Pseudonymizer Pseudonymizer = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    public const string CoursesHeader = "course_id,cpr,municipality,group,worker_id,shelter_exit_date,move_in_date,contact_start,phase1_start,phase2_start,phase3_start,end_date,end_reason,children";

    public static string Course(string id, string cpr = "010190-1234", string group = "CTI") =>
        $"{id},{cpr},Aarhus,{group},W1,2024-01-10,2024-01-12,2024-01-01,2024-01-15,2024-04-15,2024-07-15,,,1";

    public static (Evaluation.Domain.Courses.Dataset Data, IReadOnlyList<FileReport> Files) Read(TempFolder folder, IngestOptions? options = null) =>
        new FolderReader(Pseudonymizer, InstrumentSet.Default, options is null ? null : IngestSettings.From(options)).Read(folder.Path);

    /// <summary>A valid sibling: the courses file every bad-input test also delivers, which must still load.</summary>
    public static void WriteSibling(TempFolder folder) =>
        folder.Write("X/courses.csv", $"{CoursesHeader}\n{Course("OK-1")}\n{Course("OK-2", group: "KR")}\n");

    /// <summary>The report of one file, by its display name.</summary>
    public static FileReport File(IReadOnlyList<FileReport> files, string name) => files.Single(f => f.File == name);

    /// <summary>Asserts that the file failed as a whole with a reason holding <paramref name="reasonPart"/>, and that nothing of it loaded.</summary>
    public static void AssertUnreadable(FileReport report, string reasonPart)
    {
        var error = Assert.Single(report.Errors, e => e.Row == 0);
        Assert.Contains(reasonPart, error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, report.Loaded);
        Assert.Equal(report.Rows, report.Quarantined);
    }

    /// <summary>Asserts that the valid sibling file loaded both its courses.</summary>
    public static void AssertSiblingLoaded((Evaluation.Domain.Courses.Dataset Data, IReadOnlyList<FileReport> Files) read)
    {
        var sibling = File(read.Files, "X/courses.csv");
        Assert.Equal((2, 2, 0), (sibling.Rows, sibling.Loaded, sibling.Quarantined));
        Assert.Contains(read.Data.Courses, c => c.CourseId == "OK-1");
        Assert.Contains(read.Data.Courses, c => c.CourseId == "OK-2");
    }
}
