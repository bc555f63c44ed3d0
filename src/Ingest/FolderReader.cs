using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Ingest.Kinds;
using Evaluation.Ingest.Loading;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest;

/// <summary>
/// Reads an inbox-like folder straight into memory (<c>--data &lt;dir&gt;</c>), with the same
/// reading and validation as database ingest and the same rule that a later file wins on a natural key.
/// </summary>
public sealed class FolderReader(Pseudonymizer pseudonymizer, InstrumentSet instruments)
{
    public (Dataset Data, IReadOnlyList<FileReport> Files) Read(string folder)
    {
        var files = InboxFile.List(folder);
        var reports = new List<FileReport>();
        var courses = new Dictionary<string, Course>();
        var checklists = new Dictionary<string, Checklist>();
        var contacts = new Dictionary<string, Contact>();
        var plans = new Dictionary<string, Plan>();
        var answers = new Dictionary<string, Answer>();
        var stays = new Dictionary<string, ShelterStay>();
        var tenancies = new Dictionary<string, Tenancy>();
        var staff = new Dictionary<string, StaffMember>();
        foreach (var file in files)
        {
            if (file.Kind is null)
            {
                reports.Add(UnknownKind(file));
                continue;
            }

            var context = new ReadContext(file.Municipality, pseudonymizer, instruments, courses.ContainsKey);
            var result = new FileReadResult();
            var fingerprint = FileFingerprint.Of(file.Path, file.Municipality);
            using (var table = FileRows.Open(file.Path, fingerprint))
            {
                switch (file.Kind.Value)
                {
                    case InputKind.Courses: Merge(courses, AllKinds.Courses, table, context, result); break;
                    case InputKind.Checklists: Merge(checklists, AllKinds.Checklists, table, context, result); break;
                    case InputKind.Plans: Merge(plans, AllKinds.Plans, table, context, result); break;
                    case InputKind.Answers: Merge(answers, AllKinds.Answers, table, context, result); break;
                    case InputKind.ShelterStays: Merge(stays, AllKinds.ShelterStays, table, context, result); break;
                    case InputKind.Tenancies: Merge(tenancies, AllKinds.Tenancies, table, context, result); break;
                    case InputKind.Staff: Merge(staff, AllKinds.Staff, table, context, result); break;
                    case InputKind.Contacts: MergeContacts(contacts, table, context, result); break;
                }
            }

            reports.Add(new FileReport(file.DisplayName, file.Kind.Value.Code(), result.Rows, result.Rows - result.Quarantined, 0, result.Quarantined, result.Errors));
        }

        var data = new Dataset(
            courses.Values.ToList(), checklists.Values.ToList(), contacts.Values.ToList(), plans.Values.ToList(),
            answers.Values.ToList(), stays.Values.ToList(), tenancies.Values.ToList(), staff.Values.ToList());
        return (data, reports);
    }

    /// <summary>The report of a file whose name names no kind: nothing is read from it.</summary>
    public static FileReport UnknownKind(InboxFile file) => new(file.DisplayName, "unknown", 0, 0, 0, 0,
        [new IngestError(0, null, null, "not read: the file name does not start with a known kind (courses, checklists, contacts, plans, answers, shelter_stays, tenancies, staff or the Danish names) or is not .csv/.xlsx")]);

    private static void Merge<T>(Dictionary<string, T> target, KindDefinition<T> kind, ITableReader table, ReadContext context, FileReadResult result)
        where T : class
    {
        foreach (var (_, record) in FileRows.Read(kind, table, context, result, uniqueKeys: true))
        {
            target[kind.Key(record)] = record;
        }
    }

    /// <summary>Contacts: identical rows within a file are distinct contacts, numbered by occurrence (<see cref="ContactKeys"/>).</summary>
    private static void MergeContacts(Dictionary<string, Contact> target, ITableReader table, ReadContext context, FileReadResult result)
    {
        foreach (var (key, contact) in ContactKeys.Number(FileRows.Read(AllKinds.Contacts, table, context, result, uniqueKeys: false)))
        {
            target[$"{contact.CourseId}|{key}"] = contact;
        }
    }
}
