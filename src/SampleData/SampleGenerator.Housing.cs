using Evaluation.Domain.Values;

namespace Evaluation.SampleData;

public sealed partial class SampleGenerator
{
    /// <summary>
    /// The index shelter stay ends on the course's shelter exit date; some began at another shelter
    /// (a transfer: the next stay starts the day after). Some women return to a shelter later.
    /// A few have no registered index stay at all.
    /// </summary>
    private void ShelterStays(string municipality, string cpr, DateOnly exit, Group group)
    {
        if (Chance(0.03))
        {
            return;
        }

        var table = Table(municipality, "shelter_stays");
        var entry = exit.AddDays(-random.Next(20, 150));
        var shelter = $"KC{random.Next(1, 25):D2}";
        if (Chance(0.1))
        {
            var earlierEntry = entry.AddDays(-random.Next(10, 60));
            table.Add(cpr, $"KC{random.Next(25, 40):D2}", earlierEntry, entry.AddDays(-random.Next(0, 2)));
        }

        table.Add(cpr, shelter, entry, exit <= extracted ? exit : null);
        double hazard = group == Group.Cti ? 0.14 : 0.22;
        if (Chance(hazard))
        {
            var again = exit.AddDays(random.Next(2, 540));
            if (again <= extracted)
            {
                var leave = again.AddDays(random.Next(5, 90));
                table.Add(cpr, $"KC{random.Next(1, 25):D2}", again, leave <= extracted ? leave : null);
            }
        }
    }

    /// <summary>
    /// The index tenancy starts around moving-in day (now and then too far from it to count);
    /// it may end in eviction or abandonment, a move to a new home within or beyond 14 days, or run on.
    /// </summary>
    private void Tenancies(string municipality, string cpr, DateOnly moveIn, Group group)
    {
        if (Chance(0.04))
        {
            return;
        }

        var table = Table(municipality, "tenancies");
        var start = moveIn.AddDays(Chance(0.04) ? random.Next(15, 40) : random.Next(-5, 6));
        for (int tenancy = 0; tenancy < 3 && start <= extracted; tenancy++)
        {
            double loss = group == Group.Cti ? 0.12 : 0.18;
            double u = random.NextDouble();
            if (u < 0.55)
            {
                table.Add(cpr, start, null, null);
                return;
            }

            var end = start.AddDays(random.Next(30, 700));
            if (end > extracted)
            {
                table.Add(cpr, start, null, null);
                return;
            }

            if (u < 0.55 + loss)
            {
                var reason = (TenancyEndReason)PickWeighted([0, 0.4, 0.2, 0.25, 0.15, 0, 0]);
                table.Add(cpr, start, end, Codes.Of(reason));
                return;
            }

            if (Chance(0.04))
            {
                table.Add(cpr, start, end, Codes.Of(Chance(0.5) ? TenancyEndReason.Died : TenancyEndReason.Emigrated));
                return;
            }

            table.Add(cpr, start, end, Codes.Of(TenancyEndReason.Moved));
            start = end.AddDays(Chance(0.8) ? random.Next(0, 14) : random.Next(15, 60));
        }
    }

    /// <summary>
    /// Real deliveries carry mistakes; the sample has a few so that the quarantine and the data-quality
    /// report show something: an impossible CPR date, an answer out of range, an unknown contact kind,
    /// a checklist for a course that does not exist.
    /// </summary>
    private void AddDeliberateErrors()
    {
        foreach (var (municipality, kinds) in tables)
        {
            if (kinds.TryGetValue("answers", out var answers) && answers.Rows.Count > 10)
            {
                var row = answers.Rows[random.Next(answers.Rows.Count)];
                row[answers.IndexOf("sc2")] = 7;
            }

            if (kinds.TryGetValue("contacts", out var contacts) && contacts.Rows.Count > 10)
            {
                contacts.Rows[random.Next(contacts.Rows.Count)][2] = "sms";
            }
        }

        var courses = tables["København"]["courses"];
        if (courses.Rows.Count > 5)
        {
            var bad = (object?[])courses.Rows[^1].Clone();
            bad[0] = "KBH-99999";
            bad[1] = "310299-4000"; // 31 February does not exist
            courses.Rows.Add(bad);
            var checklists = Table("København", "checklists");
            var orphan = new object?[checklists.Columns.Count];
            orphan[0] = "KBH-99998";
            orphan[1] = "contact";
            orphan[2] = extracted.AddDays(-30);
            checklists.Rows.Add(orphan);
        }
    }
}
