using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.SampleData;

public sealed partial class SampleGenerator
{
    /// <summary>CTI: contacts tapering about 4:2:1 over the phases, checklists at each transition, plan versions.</summary>
    private void CtiActivities(Course c)
    {
        var contacts = Table(c.Municipality, "contacts");
        var worker = c.WorkerId;
        var lastDay = Min(c.EndDate ?? extracted, extracted);

        // Contact period at the shelter: a few meetings.
        var contactEnd = c.Phase1Start ?? lastDay;
        Contacts(contacts, c.CourseId, worker, c.ContactStart!.Value, contactEnd, perMonth: 2.5);
        if (c.Phase1Start is { } p1)
        {
            Contacts(contacts, c.CourseId, worker, p1, c.Phase2Start ?? lastDay, perMonth: Normal(4.3, 0.9));
        }

        if (c.Phase2Start is { } p2)
        {
            Contacts(contacts, c.CourseId, worker, p2, c.Phase3Start ?? lastDay, perMonth: Normal(2.2, 0.6));
        }

        if (c.Phase3Start is { } p3)
        {
            Contacts(contacts, c.CourseId, worker, p3, lastDay, perMonth: Normal(1.1, 0.4));
            if (c.EndReason == EndReason.Completed && Chance(0.85))
            {
                // The handover meeting, usually well before the end.
                var day = c.EndDate!.Value.AddDays(-random.Next(Chance(0.85) ? 30 : 5, 60));
                contacts.Add(c.CourseId, Max(day, p3), Codes.Of(ContactKind.HandoverMeeting), random.Next(45, 120), worker);
            }
        }

        Checklist(c, ChecklistKind.Contact, c.Phase1Start);
        Checklist(c, ChecklistKind.Phase2, c.Phase2Start);
        Checklist(c, ChecklistKind.Phase3, c.Phase3Start);
        Checklist(c, ChecklistKind.Closure, c.EndReason == EndReason.Completed ? c.EndDate : null);

        // The long-term plan: made in phase 1, revised at the phase 2 transition.
        var plans = Table(c.Municipality, "plans");
        if (c.Phase1Start is { } start && Chance(0.92))
        {
            int goals = PickWeighted([0.04, 0.12, 0.45, 0.32, 0.07]);
            var date = start.AddDays(random.Next(5, 40));
            if (date <= lastDay)
            {
                plans.Add([c.CourseId, date, goals, .. Needs()]);
            }

            if (c.Phase2Start is { } revision && revision <= lastDay && Chance(0.7))
            {
                plans.Add([c.CourseId, revision, Math.Clamp(goals + random.Next(-1, 2), 1, 4), .. Needs()]);
            }
        }
    }

    /// <summary>KR: coordinating counselling at an even, lower pace.</summary>
    private void KrContacts(Course c)
    {
        var lastDay = Min(c.EndDate ?? extracted, extracted);
        Contacts(Table(c.Municipality, "contacts"), c.CourseId, c.WorkerId, c.ContactStart!.Value, lastDay, perMonth: Normal(1.6, 0.5));
    }

    private void Contacts(RawTable table, string courseId, string? worker, DateOnly from, DateOnly until, double perMonth)
    {
        int days = until.DayNumber - from.DayNumber;
        if (days <= 0)
        {
            return;
        }

        int count = Poisson(Math.Max(0.2, perMonth) * ContactIntensity * days / 30.0);
        var dates = Enumerable.Range(0, count).Select(_ => from.AddDays(random.Next(0, days))).Order();
        foreach (var date in dates)
        {
            var kind = (ContactKind)PickWeighted([0.35, 0.2, 0.3, 0.08, 0.05, 0, 0.02]);
            table.Add(courseId, date, Codes.Of(kind), kind == ContactKind.Phone ? random.Next(5, 30) : random.Next(30, 120), worker);
        }
    }

    private void Checklist(Course c, ChecklistKind kind, DateOnly? due)
    {
        if (due is null || Chance(0.08))
        {
            return; // not due yet, or forgotten: a missing checklist
        }

        var table = Table(c.Municipality, "checklists");
        var row = new object?[table.Columns.Count];
        row[0] = c.CourseId;
        row[1] = Codes.Of(kind);
        row[2] = due.Value.AddDays(random.Next(0, 10));
        row[3] = c.WorkerId;
        double diligence = Math.Clamp(Normal(0.86, 0.08), 0.4, 1);
        foreach (var item in ChecklistItems.Of(kind))
        {
            int index = table.IndexOf(item);
            row[index] = item == "p2_8" && Chance(0.6) ? ItemAnswer.NotApplicable
                : Chance(0.03) ? null
                : Chance(diligence) ? ItemAnswer.Yes : ItemAnswer.No;
        }

        if ((DateOnly)row[2]! > extracted)
        {
            row[2] = extracted;
        }

        table.Rows.Add(row);
    }

    private object?[] Needs() => Plan.Domains.Select(_ => (object?)Chance(0.6)).ToArray();

    private int Poisson(double lambda)
    {
        // Knuth's method; lambda here is at most a few dozen.
        double limit = Math.Exp(-lambda), p = 1;
        int k = 0;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
