using Evaluation.Domain.Courses;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Kinds;

/// <summary><c>staff</c> [medarbejdere]: one worker with employment period and FTE (0 &lt; fte ≤ 1).</summary>
public sealed class StaffKind : KindDefinition<StaffMember>
{
    public override InputKind Kind => InputKind.Staff;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("worker_id", Required: true),
        new("municipality"),
        new("fte", Required: true),
        new("start_date"),
        new("end_date"),
    ];

    public override string Key(StaffMember record) => record.WorkerId;

    public override StaffMember? Map(RowAccess row, ReadContext context)
    {
        var worker = row.Id("worker_id", required: true);
        var municipality = Municipality(row, context);
        var fte = row.Number("fte", required: true);
        if (fte is <= 0 or > 1)
        {
            row.Fail("fte", row.Cell("fte"), "must be above 0 and at most 1");
        }

        var start = row.Date("start_date");
        var end = row.Date("end_date");
        row.NotBefore("end_date", end, "start_date", start);
        if (row.Errors.Count > 0 || worker is null || municipality is null || fte is null)
        {
            return null;
        }

        return new StaffMember(worker, municipality, fte.Value, start, end);
    }
}
