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

    public static (Evaluation.Domain.Courses.Dataset Data, IReadOnlyList<FileReport> Files) Read(TempFolder folder) =>
        new FolderReader(Pseudonymizer, InstrumentSet.Default).Read(folder.Path);
}
