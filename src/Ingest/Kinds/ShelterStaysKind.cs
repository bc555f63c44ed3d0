using Evaluation.Domain.Courses;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Kinds;

/// <summary><c>shelter_stays</c> [krisecenterophold]: one stay, keyed by the person's pseudonym, shelter and entry date.</summary>
public sealed class ShelterStaysKind : KindDefinition<ShelterStay>
{
    public override InputKind Kind => InputKind.ShelterStays;

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("cpr", Required: true),
        new("shelter_id", Required: true),
        new("entry_date", Required: true),
        new("exit_date"),
    ];

    public override string Key(ShelterStay record) => $"{record.PersonKey}|{record.ShelterId}|{record.EntryDate:yyyy-MM-dd}";

    public override ShelterStay? Map(RowAccess row, ReadContext context)
    {
        var cpr = row.Cpr("cpr");
        var shelter = row.Id("shelter_id", required: true);
        var entry = row.Date("entry_date", required: true);
        var exit = row.Date("exit_date");
        row.NotBefore("exit_date", exit, "entry_date", entry);
        if (row.Errors.Count > 0 || cpr is null || shelter is null || entry is null)
        {
            return null;
        }

        return new ShelterStay(context.Pseudonymizer.Pseudonym(cpr), shelter, entry.Value, exit);
    }
}
