using System.Globalization;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.SampleData;

/// <summary>
/// Generates a realistic synthetic inbox in the SPEC §2 formats: four municipalities, CTI and KR
/// courses with varied phase dates (late transitions, early terminations, ongoing courses),
/// tapering contacts, checklists with some no/na, plans, questionnaire waves with missing items,
/// shelter stays (transfers, repeat stays) and tenancies (moves, evictions, censoring).
/// The same seed gives the same files. A few rows are deliberately wrong, as in real deliveries.
/// </summary>
public sealed partial class SampleGenerator
{
    private static readonly string[] SampleMunicipalities = ["Aalborg", "København", "Odense", "Randers"];

    private readonly Random random;
    private readonly DateOnly extracted;
    private readonly Dictionary<string, Dictionary<string, RawTable>> tables = [];
    private readonly HashSet<string> usedCprs = [];

    /// <param name="seed">Same seed, same data.</param>
    /// <param name="extracted">The day the municipalities exported their data: nothing is dated after it.</param>
    public SampleGenerator(int seed, DateOnly extracted)
    {
        random = new Random(seed);
        this.extracted = extracted;
    }

    /// <summary>How many municipalities: the four sample ones, then "Kommune 005", ... (benchmarks use 100).</summary>
    public int MunicipalityCount { get; init; } = 4;

    /// <summary>The municipalities generated.</summary>
    public IReadOnlyList<string> Municipalities => SampleMunicipalities.Concat(Enumerable.Range(5, Math.Max(0, MunicipalityCount - 4)).Select(i => $"Kommune {i:D3}")).Take(MunicipalityCount).ToList();

    /// <summary>Multiplies every contact rate (benchmarks use it to reach a given number of contacts).</summary>
    public double ContactIntensity { get; init; } = 1;

    /// <summary>The default extraction day of the committed sample data.</summary>
    public static DateOnly DefaultExtractionDate { get; } = new(2026, 10, 31);

    /// <summary>Generates <paramref name="courses"/> courses spread over the municipalities; returns tables per municipality and kind.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, RawTable>> Generate(int courses)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(courses);
        // About ten citizens per full-time CTI worker (the manual), give or take: some months run over.
        var municipalities = Municipalities;
        var weights = municipalities.Count == 4 ? [0.2, 0.4, 0.25, 0.15] : municipalities.Select(_ => 1.0).ToArray();
        var workers = municipalities.ToDictionary(m => m, m => Staff(m, Math.Max(2, courses / 30 / municipalities.Count)));
        for (int i = 0; i < courses; i++)
        {
            var municipality = municipalities[PickWeighted(weights)];
            var number = Table(municipality, "courses").Rows.Count + 1;
            var id = $"{Prefix(municipality)}-{number:D5}";
            var group = random.NextDouble() < 0.6 ? Group.Cti : Group.Kr;
            Course(municipality, id, group, workers[municipality]);
        }

        AddDeliberateErrors();
        return tables;
    }

    private sealed record Worker(string Id, Group Group, DateOnly Start, DateOnly? End);

    private List<Worker> Staff(string municipality, int ctiWorkers)
    {
        var table = Table(municipality, "staff");
        var list = new List<Worker>();
        for (int i = 1; i <= ctiWorkers + 2; i++)
        {
            var group = i <= ctiWorkers ? Group.Cti : Group.Kr;
            var id = $"{Prefix(municipality)}-{(group == Group.Cti ? "CTI" : "KR")}{i:D2}";
            double fte = random.NextDouble() < 0.25 ? 0.5 : random.NextDouble() < 0.2 ? 0.8 : 1.0;
            var start = new DateOnly(2021, 1, 1).AddDays(random.Next(0, 600));
            DateOnly? end = random.NextDouble() < 0.15 ? new DateOnly(2025, 1, 1).AddDays(random.Next(0, 500)) : null;
            table.Add(id, municipality, fte, start, end);
            list.Add(new Worker(id, group, start, end));
        }

        return list;
    }

    private void Course(string municipality, string id, Group group, List<Worker> workers)
    {
        var (cpr, birth) = NewCpr();
        var exit = new DateOnly(2023, 1, 15).AddDays(random.Next(0, 1300));
        var moveIn = exit.AddDays(random.Next(-3, 10));
        var contactStart = exit.AddDays(-random.Next(7, 45));

        // A worker of the course's group who is employed when the course starts, if there is one.
        var pool = workers.Where(w => w.Group == group && w.Start <= contactStart && !(w.End < contactStart)).ToList();
        if (pool.Count == 0)
        {
            pool = workers.Where(w => w.Group == group).ToList();
        }

        var worker = pool[random.Next(pool.Count)].Id;
        int children = PickWeighted([0.4, 0.3, 0.2, 0.07, 0.03]);
        var plan = group == Group.Cti ? CtiDates(contactStart, moveIn) : KrDates(contactStart);

        // Anything after the extraction day has not happened yet.
        DateOnly? Known(DateOnly? d) => d <= extracted ? d : null;
        var phase1 = Known(plan.Phase1);
        var phase2 = phase1 is null ? null : Known(plan.Phase2);
        var phase3 = phase2 is null ? null : Known(plan.Phase3);
        var end = Known(plan.End);
        var reason = end is null ? (EndReason?)null : plan.Reason;
        if (contactStart > extracted)
        {
            return; // a course that has not started is not in the export
        }

        Table(municipality, "courses").Add(id, cpr, municipality, Codes.Of(group), worker, Known(exit), Known(moveIn), contactStart, phase1, phase2, phase3, end, reason is null ? null : Codes.Of(reason.Value), children);
        var course = new Course(id, "", birth, 'F', municipality, group, worker, exit, moveIn, contactStart, phase1, phase2, phase3, end, reason, children);
        if (group == Group.Cti)
        {
            CtiActivities(course);
        }
        else
        {
            KrContacts(course);
        }

        Questionnaires(course, plan.End ?? plan.Phase3);
        ShelterStays(municipality, cpr, exit, group);
        Tenancies(municipality, cpr, moveIn, group);
    }

    private sealed record PlannedDates(DateOnly? Phase1, DateOnly? Phase2, DateOnly? Phase3, DateOnly? End, EndReason Reason);

    private PlannedDates CtiDates(DateOnly contactStart, DateOnly moveIn)
    {
        // Phase 1 may start at the earliest a month before she moves in; a few start earlier still.
        var phase1 = moveIn.AddDays(random.NextDouble() < 0.08 ? -random.Next(32, 60) : -random.Next(0, 31));
        if (phase1 < contactStart)
        {
            phase1 = contactStart.AddDays(random.Next(3, 20));
        }

        var phase2 = phase1.AddDays(PhaseLength());
        var phase3 = phase2.AddDays(PhaseLength());
        var end = phase3.AddDays(PhaseLength());
        var reason = (EndReason)PickWeighted([0.72, 0.1, 0.06, 0.07, 0.05]);

        // Some courses stall: the contact period drags on, or a phase transition never happens.
        // Stalled courses that began long ago were closed as drop-outs in the end.
        double stall = random.NextDouble();
        DateOnly? closed = contactStart.AddDays(300) < extracted ? contactStart.AddDays(random.Next(200, 300)) : null;
        if (stall < 0.04)
        {
            return new(null, null, null, closed, EndReason.DroppedOut);
        }

        if (stall < 0.09)
        {
            return new(phase1, closed is null || phase2 < closed ? phase2 : null, null, closed, EndReason.DroppedOut);
        }

        if (reason == EndReason.Completed)
        {
            return new(phase1, phase2, phase3, end, reason);
        }

        // An early termination happens somewhere in the course; later phases never start.
        var stop = phase1.AddDays(random.Next(20, end.DayNumber - phase1.DayNumber - 10));
        return new(phase1, phase2 < stop ? phase2 : null, phase3 < stop ? phase3 : null, stop, reason);
    }

    private PlannedDates KrDates(DateOnly contactStart)
    {
        var reason = (EndReason)PickWeighted([0.7, 0.14, 0.07, 0.05, 0.04]);
        var end = contactStart.AddDays(reason == EndReason.Completed ? random.Next(240, 330) : random.Next(40, 240));
        return new(null, null, null, end, reason);
    }

    /// <summary>About three months, with some late transitions past 120 days and a few short phases.</summary>
    private int PhaseLength()
    {
        var u = random.NextDouble();
        return u < 0.1 ? random.Next(121, 170) : u < 0.15 ? random.Next(40, 60) : (int)Math.Round(Math.Clamp(Normal(92, 12), 60, 120));
    }

    private (string Cpr, DateOnly Birth) NewCpr()
    {
        while (true)
        {
            var birth = extracted.AddDays(-random.Next(18 * 365, 62 * 365));
            int yy = birth.Year % 100;

            // The 7th digit carries the century (CPR office rule; SPEC §2): 0–3 for 19xx, and
            // now and then 4 or 9 where that also means 19xx (YY ≥ 37); 4, 9 or 5–8 for 20xx.
            int seventh = birth.Year < 2000
                ? (yy >= 37 && Chance(0.1) ? (Chance(0.5) ? 4 : 9) : random.Next(0, 4))
                : (Chance(0.5) ? (Chance(0.5) ? 4 : 9) : random.Next(5, 9));

            // An even last digit: women (the serial is otherwise random, so modulus 11 often fails, as it may since 2007).
            var serial = $"{seventh}{random.Next(0, 100):D2}{random.Next(0, 5) * 2}";
            var cpr = string.Create(CultureInfo.InvariantCulture, $"{birth:ddMMyy}-{serial}");
            if (usedCprs.Add(cpr))
            {
                return (cpr, birth);
            }
        }
    }

    private RawTable Table(string municipality, string kind)
    {
        if (!tables.TryGetValue(municipality, out var kinds))
        {
            tables[municipality] = kinds = [];
        }

        if (!kinds.TryGetValue(kind, out var table))
        {
            kinds[kind] = table = new RawTable(CanonicalColumns(kind));
        }

        return table;
    }

    private static string[] CanonicalColumns(string kind) => kind switch
    {
        "staff" => ["worker_id", "municipality", "fte", "start_date", "end_date"],
        "courses" => ["course_id", "cpr", "municipality", "group", "worker_id", "shelter_exit_date", "move_in_date", "contact_start", "phase1_start", "phase2_start", "phase3_start", "end_date", "end_reason", "children"],
        "checklists" => ["course_id", "checklist", "date", "worker_id", .. Enum.GetValues<ChecklistKind>().SelectMany(ChecklistItems.Of)],
        "contacts" => ["course_id", "date", "kind", "minutes", "worker_id"],
        "plans" => ["course_id", "date", "goals", .. Plan.Domains],
        "answers" => ["course_id", "wave", "answered_date", .. Domain.Instruments.InstrumentSet.Default.All.SelectMany(i => i.Items)],
        "shelter_stays" => ["cpr", "shelter_id", "entry_date", "exit_date"],
        _ => ["cpr", "start_date", "end_date", "end_reason"],
    };

    private static string Prefix(string municipality) => municipality switch
    {
        "København" => "KBH",
        "Aalborg" => "AAL",
        "Odense" => "ODE",
        "Randers" => "RAN",
        _ => "K" + municipality[^3..],
    };

    private int PickWeighted(double[] weights)
    {
        var u = random.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Length; i++)
        {
            if ((u -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private double Normal(double mean, double sd)
    {
        // Box–Muller: enough for synthetic data.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    private bool Chance(double p) => random.NextDouble() < p;
}
