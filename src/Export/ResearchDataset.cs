using System.Globalization;
using Evaluation.Analytics;
using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;

namespace Evaluation.Export;

/// <summary>How dates leave the platform: shifted per person (the default) or coarsened to month (SPEC §8).</summary>
public enum DateMode
{
    Shift,
    Month,
}

/// <summary>
/// The research dataset of SPEC §8 before disclosure control: one row per course and one per
/// course-wave. No CPR number, birth date, free text or worker id leaves: persons and courses get
/// project pseudonyms, workers per-export codes, age a 5-year band, and the one calendar date (the
/// contact start) is shifted or coarsened; every other time is days since the contact start.
/// </summary>
public static class ResearchDataset
{
    public static readonly string[] QuasiIdentifiers = ["age_band", "municipality", "children", "group"];

    private static readonly ExportColumn PersonColumn = new("pseudonym", ColumnType.Text, "Pseudonym for personen (projektnøgle)", "Pseudonym of the person (project key)");

    private static readonly ExportColumn CourseColumn = new("course", ColumnType.Text, "Pseudonym for forløbet (projektnøgle)", "Pseudonym of the course (project key)");

    public static (ExportTable Courses, ExportTable Waves) Build(Dataset data, DateOnly asOf, InstrumentSet instruments, FidelityThresholds thresholds, OutcomeSettings settings, ProjectKeys keys, DateMode dates)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(keys);
        var index = new CourseIndex(data, new AsOf(asOf));
        var fidelity = new FidelityCalculator(thresholds).Calculate(data, asOf).Courses.ToDictionary(c => c.CourseId);
        var workers = index.Courses.Select(c => c.WorkerId).OfType<string>().Distinct().Order(StringComparer.Ordinal)
            .Select((w, i) => (w, ProjectKeys.WorkerCode(i + 1))).ToDictionary(x => x.w, x => x.Item2);
        var courses = new ExportTable("courses", CourseColumns());
        foreach (var c in index.Courses)
        {
            var start = c.ContactStart!.Value;
            int? Days(DateOnly? from, DateOnly? to) => index.AsOf.Known(from) is { } a && index.AsOf.Known(to) is { } b ? b.DayNumber - a.DayNumber : null;
            var housing = HousingFollowUp.Follow(c, index.TenanciesOf(c.PersonKey), index.AsOf, settings.TenancyWindowDays);
            var shelter = index.AsOf.Known(c.ShelterExitDate) is { } exit ? ShelterFollowUp.Follow(exit, index.StaysOf(c.PersonKey), index.AsOf, settings.SameStayGapDays) : null;
            var f = fidelity.GetValueOrDefault(c.CourseId);
            courses.Rows.Add(
            [
                keys.Person(c.PersonKey), keys.Course(c.CourseId), AgeBand(GroupComparison.AgeInWholeYears(c.BirthDate, start), 5),
                c.Municipality, c.Children?.ToString(CultureInfo.InvariantCulture), Codes.Of(c.Group),
                dates == DateMode.Shift ? start.AddDays(keys.DateShift(c.PersonKey)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                c.WorkerId is null ? null : workers[c.WorkerId],
                Days(c.ContactStart, c.Phase1Start), Days(c.Phase1Start, c.Phase2Start), Days(c.Phase2Start, c.Phase3Start),
                index.AsOf.IsSet(c.EndDate) ? Days(c.Phase3Start, c.EndDate) : null, Days(c.ContactStart, c.EndDate),
                index.AsOf.IsSet(c.EndDate) && c.EndReason is { } reason ? Codes.Of(reason) : null,
                f?.Fidelity, f?.Components.Checklists, f?.Components.PhaseTiming, f?.Components.Tapering, f?.Components.Plan,
                f?.Components.NeedsAssessment, f?.Components.Handover, f?.Components.Documentation,
                housing?.Days, housing is null ? null : housing.Value.Event ? 1 : 0,
                shelter?.Days, shelter is null ? null : shelter.Value.Event ? 1 : 0,
            ]);
        }

        var waves = new ExportTable("waves", WaveColumns(instruments));
        foreach (var c in index.Courses)
        {
            foreach (var answer in index.AnswersOf(c.CourseId))
            {
                var row = new List<object?>
                {
                    keys.Person(c.PersonKey), keys.Course(c.CourseId), Codes.Of(answer.Wave),
                    answer.AnsweredDate is { } d ? d.DayNumber - c.ContactStart!.Value.DayNumber : null,
                };
                row.AddRange(instruments.All.Select(i => (object?)i.Score(answer.Items, c.Children)));
                row.AddRange(instruments.All.SelectMany(i => i.Items).Select(item => answer.Items.TryGetValue(item, out var v) ? (object?)(int)v : null));
                waves.Rows.Add(row.ToArray());
            }
        }

        return (courses, waves);
    }

    /// <summary>"30-34" for width 5; "30-39" for width 10.</summary>
    public static string AgeBand(int age, int width)
    {
        int low = age / width * width;
        return $"{low}-{low + width - 1}";
    }

    private static List<ExportColumn> CourseColumns() =>
    [
        PersonColumn,
        CourseColumn,
        new("age_band", ColumnType.Text, "Aldersgruppe ved kontaktstart", "Age band at contact start", "years", "5- or 10-year bands"),
        new("municipality", ColumnType.Text, "Kommune (eller region)", "Municipality (or region)"),
        new("children", ColumnType.Text, "Hjemmeboende børn", "Children living with her", "", "0, 1, 2, … or 0/1/2+"),
        new("group", ColumnType.Text, "Indsats", "Intervention", "", "CTI, KR"),
        new("contact_start", ColumnType.Text, "Kontaktstart (forskudt eller måned)", "Contact start (shifted or month)", "date", "yyyy-MM-dd shifted ±1–30 days per person, or yyyy-MM"),
        new("worker", ColumnType.Text, "Medarbejderkode (kun denne udtrækning)", "Worker code (this export only)"),
        new("contact_days", ColumnType.Integer, "Kontaktperiodens længde", "Length of the contact period", "days"),
        new("phase1_days", ColumnType.Integer, "Fase 1's længde", "Length of phase 1", "days"),
        new("phase2_days", ColumnType.Integer, "Fase 2's længde", "Length of phase 2", "days"),
        new("phase3_days", ColumnType.Integer, "Fase 3's længde", "Length of phase 3", "days"),
        new("course_days", ColumnType.Integer, "Forløbets længde", "Length of the course", "days"),
        new("end_reason", ColumnType.Text, "Afslutningsårsag", "End reason", "", "completed, dropped_out, moved_away, returned_to_perpetrator, other"),
        new("fidelity", ColumnType.Decimal, "Metodetroskab", "Fidelity", "0–100"),
        new("fidelity_checklists", ColumnType.Decimal, "Tjeklister", "Checklists", "0–1"),
        new("fidelity_phase_timing", ColumnType.Decimal, "Fasernes længde", "Phase timing", "0–1"),
        new("fidelity_tapering", ColumnType.Decimal, "Aftrapning", "Tapering", "0–1"),
        new("fidelity_plan", ColumnType.Decimal, "Plan", "Plan", "0–1"),
        new("fidelity_needs_assessment", ColumnType.Decimal, "Behovsvurdering", "Needs assessment", "0–1"),
        new("fidelity_handover", ColumnType.Decimal, "Overdragelse", "Handover", "0–1"),
        new("fidelity_documentation", ColumnType.Decimal, "Dokumentation", "Documentation", "0–1"),
        new("housing_days", ColumnType.Integer, "Opfølgningstid for bolig fra indflytning", "Housing follow-up from moving in", "days"),
        new("housing_lost", ColumnType.Integer, "Mistet boligen", "Lost the home", "", "1 = lost, 0 = censored"),
        new("shelter_days", ColumnType.Integer, "Opfølgningstid fra udflytning fra krisecenter", "Follow-up from the shelter exit", "days"),
        new("shelter_repeat", ColumnType.Integer, "Nyt krisecenterophold", "New shelter stay", "", "1 = new stay, 0 = censored"),
    ];

    private static List<ExportColumn> WaveColumns(InstrumentSet instruments)
    {
        var columns = new List<ExportColumn>
        {
            PersonColumn,
            CourseColumn,
            new("wave", ColumnType.Text, "Måling", "Wave", "", "baseline, m3, m6, end, followup"),
            new("days_since_start", ColumnType.Integer, "Dage fra kontaktstart til besvarelse", "Days from contact start to answering", "days"),
        };
        columns.AddRange(instruments.All.Select(i => new ExportColumn(i.Code.ToLowerInvariant(), ColumnType.Decimal, $"Score: {i.Label}", $"Score: {i.Label}", "score", $"{i.Scoring.ToString().ToLowerInvariant()} of items")));
        columns.AddRange(instruments.All.SelectMany(i => i.Items.Select(item => new ExportColumn(item, ColumnType.Integer, $"Spørgsmål {item} ({i.Code})", $"Item {item} ({i.Code})", "", $"{i.ResponseMin}–{i.ResponseMax}"))));
        return columns;
    }
}
