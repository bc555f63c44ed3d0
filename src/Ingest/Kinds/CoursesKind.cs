using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Kinds;

/// <summary><c>courses</c> [forloeb]: one row per course; the CPR number becomes a keyed pseudonym and a birth date.</summary>
public sealed class CoursesKind : KindDefinition<Course>
{
    private static readonly string[] PhaseOrder = ["contact_start", "phase1_start", "phase2_start", "phase3_start", "end_date"];

    public override InputKind Kind => InputKind.Courses;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("course_id", Required: true),
        new("cpr", Required: true),
        new("municipality"),
        new("group", Required: true),
        new("worker_id"),
        new("shelter_exit_date"),
        new("move_in_date"),
        new("contact_start"),
        new("phase1_start"),
        new("phase2_start"),
        new("phase3_start"),
        new("end_date"),
        new("end_reason"),
        new("children"),
    ];

    public override string Key(Course record) => record.CourseId;

    public override Course? Map(RowAccess row, ReadContext context)
    {
        var id = row.Id("course_id", required: true);
        var cpr = row.Cpr("cpr");
        var municipality = Municipality(row, context);
        var group = row.Code<Group>("group", required: true);
        var worker = row.Id("worker_id");
        var shelterExit = row.Date("shelter_exit_date");
        var moveIn = row.Date("move_in_date");
        var dates = PhaseOrder.Select(c => row.Date(c)).ToArray();
        var endReason = row.Code<EndReason>("end_reason");
        var children = row.WholeNumber("children", 0, 30);

        // Phases follow each other; a date out of order is a typing error, not data.
        for (int later = 1; later < dates.Length; later++)
        {
            var earlier = Array.FindLastIndex(dates, later - 1, d => d is not null);
            if (earlier >= 0)
            {
                row.NotBefore(PhaseOrder[later], dates[later], PhaseOrder[earlier], dates[earlier]);
            }
        }

        if (endReason is not null && dates[4] is null)
        {
            row.Fail("end_reason", row.Cell("end_reason"), "an end reason needs an end_date");
        }

        if (row.Errors.Count > 0 || id is null || cpr is null || municipality is null || group is null)
        {
            return null;
        }

        return new Course(
            id,
            context.Pseudonymizer.Pseudonym(cpr),
            cpr.BirthDate,
            cpr.Sex,
            municipality,
            group.Value,
            worker,
            shelterExit,
            moveIn,
            dates[0],
            dates[1],
            dates[2],
            dates[3],
            dates[4],
            endReason,
            children);
    }
}
