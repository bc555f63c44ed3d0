using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Kinds;

/// <summary><c>tenancies</c> [lejemaal]: one own-home tenancy, keyed by the person's pseudonym and start date.</summary>
public sealed class TenanciesKind : KindDefinition<Tenancy>
{
    public override InputKind Kind => InputKind.Tenancies;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("cpr", Required: true),
        new("start_date", Required: true),
        new("end_date"),
        new("end_reason"),
    ];

    public override string Key(Tenancy record) => $"{record.PersonKey}|{record.StartDate:yyyy-MM-dd}";

    public override Tenancy? Map(RowAccess row, ReadContext context)
    {
        var cpr = row.Cpr("cpr");
        var start = row.Date("start_date", required: true);
        var end = row.Date("end_date");
        var reason = row.Code<TenancyEndReason>("end_reason");
        row.NotBefore("end_date", end, "start_date", start);
        if (reason is not null && end is null)
        {
            row.Fail("end_reason", row.Cell("end_reason"), "an end reason needs an end_date");
        }

        if (row.Errors.Count > 0 || cpr is null || start is null)
        {
            return null;
        }

        return new Tenancy(context.Pseudonymizer.Pseudonym(cpr), start.Value, end, reason);
    }
}
