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
/// Every file is judged on its own: one that cannot be read is reported and the others still load.
/// </summary>
public sealed class FolderReader(Pseudonymizer pseudonymizer, InstrumentSet instruments, IngestSettings? settings = null)
{
    private readonly IngestSettings settings = settings ?? IngestSettings.Default;

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
            if (NotReadable(file) is { } refused)
            {
                reports.Add(refused);
                continue;
            }

            var context = new ReadContext(file.Municipality, pseudonymizer, instruments, courses.ContainsKey, settings);
            var result = new FileReadResult();
            FileFingerprint? fingerprint = null;
            (int Inserted, int Updated) counts;
            try
            {
                fingerprint = FileFingerprint.Of(file.Path, file.Municipality);
                using var table = FileRows.Open(file.Path, fingerprint, settings.Options, rowsAreKept: true);
                counts = file.Kind!.Value switch
                {
                    InputKind.Courses => Merge(courses, AllKinds.Courses, table, context, result),
                    InputKind.Checklists => Merge(checklists, AllKinds.Checklists, table, context, result),
                    InputKind.Plans => Merge(plans, AllKinds.Plans, table, context, result),
                    InputKind.Answers => Merge(answers, AllKinds.Answers, table, context, result),
                    InputKind.ShelterStays => Merge(stays, AllKinds.ShelterStays, table, context, result),
                    InputKind.Tenancies => Merge(tenancies, AllKinds.Tenancies, table, context, result),
                    InputKind.Staff => Merge(staff, AllKinds.Staff, table, context, result),
                    _ => MergeContacts(contacts, table, context, result),
                };
            }
            catch (Exception e) when (IsFileProblem(e))
            {
                reports.Add(UnreadableReport(file, e, result, fingerprint));
                continue;
            }

            reports.Add(new FileReport(file.DisplayName, file.Kind.Value.Code(), result.Rows, result.Rows - result.Quarantined, 0, result.Quarantined, result.Errors)
            {
                Inserted = counts.Inserted,
                Updated = counts.Updated,
                Encoding = EncodingOf(file, fingerprint),
            });
        }

        var data = new Dataset(
            courses.Values.ToList(), checklists.Values.ToList(), contacts.Values.ToList(), plans.Values.ToList(),
            answers.Values.ToList(), stays.Values.ToList(), tenancies.Values.ToList(), staff.Values.ToList());
        return (data, reports);
    }

    /// <summary>The report of a file whose name names no kind: nothing is read from it.</summary>
    public static FileReport UnknownKind(InboxFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.DisplayName, "unknown", 0, 0, 0, 0,
            [new IngestError(0, null, null, "not read: the file name does not start with a known kind (courses, checklists, contacts, plans, answers, shelter_stays, tenancies, staff or the Danish names) or is not .csv/.xlsx")]);
    }

    /// <summary>The report of an entry that is not read at all (not a regular file, or no known kind), or null when it is to be read.</summary>
    public static FileReport? NotReadable(InboxFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Refusal is not null)
        {
            return FileReport.Unreadable(file.DisplayName, file.Kind?.Code() ?? "unknown", file.Refusal);
        }

        return file.Kind is null ? UnknownKind(file) : null;
    }

    /// <summary>
    /// Whether an exception while reading a file is the file's fault (so only this file fails): anything
    /// but a cancellation. A database failure is not read here; database ingest keeps those apart.
    /// </summary>
    public static bool IsFileProblem(Exception e) => e is not (OperationCanceledException or OutOfMemoryException);

    /// <summary>A file that could not be read through: nothing of it is loaded, its rows read so far count as quarantined.</summary>
    public static FileReport UnreadableReport(InboxFile file, Exception e, FileReadResult result, FileFingerprint? fingerprint)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(result);
        var reason = e switch
        {
            UnreadableFileException => e.Message,
            UnauthorizedAccessException => "the file may not be read (permissions)",
            IOException => "the file could not be read (it may have been moved or be in use)",
            _ => $"the file could not be read ({e.GetType().Name}); nothing of it was loaded",
        };
        return new FileReport(file.DisplayName, file.Kind?.Code() ?? "unknown", result.Rows, 0, 0, result.Rows,
            [new IngestError(0, null, null, reason), .. result.Errors])
        {
            Encoding = EncodingOf(file, fingerprint),
        };
    }

    /// <summary>The encoding a CSV file was read with, for the summary; null for a workbook.</summary>
    public static string? EncodingOf(InboxFile file, FileFingerprint? fingerprint)
    {
        ArgumentNullException.ThrowIfNull(file);
        return fingerprint is null || file.Path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? null : fingerprint.EncodingName;
    }

    /// <summary>
    /// Reads the whole file first and merges afterwards: a file that fails halfway leaves nothing
    /// behind. Returns the records with new keys and those replacing an earlier file's.
    /// </summary>
    private static (int Inserted, int Updated) Merge<T>(Dictionary<string, T> target, KindDefinition<T> kind, ITableReader table, ReadContext context, FileReadResult result)
        where T : class
    {
        var records = FileRows.Read(kind, table, context, result, uniqueKeys: true).Select(r => (Key: kind.Key(r.Record), r.Record)).ToList();
        return Apply(target, records);
    }

    /// <summary>Contacts: identical rows within a file are distinct contacts, numbered by occurrence (<see cref="ContactKeys"/>).</summary>
    private static (int Inserted, int Updated) MergeContacts(Dictionary<string, Contact> target, ITableReader table, ReadContext context, FileReadResult result)
    {
        var records = ContactKeys.Number(FileRows.Read(AllKinds.Contacts, table, context, result, uniqueKeys: false))
            .Select(c => (Key: $"{c.Contact.CourseId}|{c.Key}", c.Contact)).ToList();
        return Apply(target, records);
    }

    private static (int Inserted, int Updated) Apply<T>(Dictionary<string, T> target, List<(string Key, T Record)> records)
    {
        int updated = 0;
        foreach (var (key, record) in records)
        {
            if (target.ContainsKey(key))
            {
                updated++;
            }

            target[key] = record;
        }

        return (records.Count - updated, updated);
    }
}
