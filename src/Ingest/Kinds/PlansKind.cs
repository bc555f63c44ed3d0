using Evaluation.Domain.Courses;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Kinds;

/// <summary><c>plans</c> [planer]: one version of the long-term plan with its seven needs-assessment domains.</summary>
public sealed class PlansKind : KindDefinition<Plan>
{
    public override InputKind Kind => InputKind.Plans;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("course_id", Required: true),
        new("date", Required: true),
        new("goals"),
        .. Plan.Domains.Select(d => new Column(d)),
    ];

    public override string Key(Plan record) => $"{record.CourseId}|{record.Date:yyyy-MM-dd}";

    public override Plan? Map(RowAccess row, ReadContext context)
    {
        var course = CourseReference(row, context);
        var date = row.Date("date", required: true);
        var goals = row.WholeNumber("goals", 0, 20);
        var needs = Plan.Domains.Select(d => row.YesNo(d)).ToArray();
        if (row.Errors.Count > 0 || course is null || date is null)
        {
            return null;
        }

        return new Plan(course, date.Value, goals, needs);
    }
}
