using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Kinds;

/// <summary>
/// <c>contacts</c> [kontakter]: one contact. Contacts have no id, so the natural key is
/// (course, date, kind, worker) plus the occurrence number of that combination within its file:
/// two phone calls on one day stay two, and the same file again changes nothing.
/// </summary>
public sealed class ContactsKind : KindDefinition<Contact>
{
    public override InputKind Kind => InputKind.Contacts;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("course_id", Required: true),
        new("date", Required: true),
        new("kind", Required: true),
        new("minutes"),
        new("worker_id"),
    ];

    /// <summary>Without the occurrence number, which is added per file (duplicates are allowed here).</summary>
    public override string Key(Contact record) =>
        $"{record.CourseId}|{record.Date:yyyy-MM-dd}|{Codes.Of(record.Kind)}|{record.WorkerId}";

    public override Contact? Map(RowAccess row, ReadContext context)
    {
        var course = CourseReference(row, context);
        var date = row.Date("date", required: true);
        var kind = row.Code<ContactKind>("kind", required: true);
        var minutes = row.WholeNumber("minutes", 0, 24 * 60);
        var worker = row.Id("worker_id");
        if (row.Errors.Count > 0 || course is null || date is null || kind is null)
        {
            return null;
        }

        return new Contact(course, date.Value, kind.Value, minutes, worker);
    }
}
