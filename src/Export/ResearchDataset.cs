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
    /// <summary>The quasi-identifier columns of the course file, in the order of <see cref="Hierarchy.QuasiIdentifiers"/>.</summary>
    public static IReadOnlyList<string> QuasiIdentifiers { get; } = [.. Hierarchy.QuasiIdentifiers.Select(h => h.Column)];

    private const string Never = "never empty";

    private static readonly ExportColumn PersonColumn = new("pseudonym", ColumnType.Text, "Pseudonym for personen (projektnøgle)", "Pseudonym of the person (project key)", Never,
        Range: "32 hexadecimal characters", Codes: "HMAC-SHA-256 of the person with the project's key: the same on every export of this project, unlinkable to other projects");

    private static readonly ExportColumn CourseColumn = new("course", ColumnType.Text, "Pseudonym for forløbet (projektnøgle)", "Pseudonym of the course (project key)", Never,
        Range: "32 hexadecimal characters", Codes: "HMAC-SHA-256 of the course id with the project's key");

    // Danish labels of the default instruments (the definition file carries one label, in English).
    private static readonly Dictionary<string, string> DanishLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LONELY3"] = "Ensomhed (Three-Item Loneliness Scale, UCLA-3)",
        ["SELFCARE"] = "Egenomsorg",
        ["PARENT"] = "Forældrekompetence",
        ["WHO5"] = "Trivsel (WHO-5)",
        ["SAFETY"] = "Udsat for vold siden sidste måling",
    };

    // What the response codes of the default instruments mean (SPEC §3); other instruments give the range only.
    private static readonly Dictionary<string, string> ResponseCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LONELY3"] = "1 = hardly ever / næsten aldrig, 2 = some of the time / en gang imellem, 3 = often / ofte",
        ["WHO5"] = "0 = at no time / på intet tidspunkt … 5 = all of the time / hele tiden",
        ["SAFETY"] = "0 = no / nej, 1 = yes / ja",
    };

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
                c.Municipality, c.Children?.ToString(CultureInfo.InvariantCulture), Codes.Of(c.Group), 0,
                dates == DateMode.Shift ? start.AddDays(keys.DateShift(c.PersonKey)) : new DateOnly(start.Year, start.Month, 1),
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
        new("age_band", ColumnType.Text, "Aldersgruppe ved kontaktstart", "Age band at contact start",
            "this row locally suppressed (qi_suppressed = 1)", "years", "",
            "\"low-high\", both included: 5-year bands (30-34), or 10-year (30-39) or 20-year (20-39) as the disclosure report says"),
        new("municipality", ColumnType.Text, "Kommune (eller region)", "Municipality (or region)",
            "this row locally suppressed (qi_suppressed = 1)", "", "",
            "municipality name, or \"Region Hovedstaden\", \"Region Sjælland\", \"Region Syddanmark\", \"Region Midtjylland\", \"Region Nordjylland\", \"Ukendt region\" (not one of the 98 municipalities) when generalised to region"),
        new("children", ColumnType.Text, "Hjemmeboende børn", "Children living with her",
            "not recorded in the course file, or this row locally suppressed (qi_suppressed = 1)", "children", "0 and up",
            "exact number (\"0\", \"1\", \"2\", …), or \"0\", \"1\", \"2+\", or \"0\", \"1+\" as the disclosure report says"),
        new("group", ColumnType.Text, "Indsats", "Intervention", Never, "", "", "CTI = Critical Time Intervention, KR = comparison (kontrol)"),
        new(KAnonymity.SuppressedFlag, ColumnType.Integer, "Kvasi-identifikatorer undertrykt i denne række", "Quasi-identifiers suppressed in this row", Never, "", "0–1",
            "1 = age band, municipality and children emptied for k-anonymity, 0 = not"),
        new("contact_start", ColumnType.Date, "Kontaktstart (forskudt eller måned)", "Contact start (shifted or month)", Never, "date", "",
            "shifted by a per-person offset of 1–30 days earlier or later (the same on every export of this project), or the first day of its month, as the disclosure report says"),
        new("worker", ColumnType.Text, "Medarbejderkode (kun denne udtrækning)", "Worker code (this export only)", "no worker recorded for the course", "", "", "W001, W002, …: not the same across exports"),
        new("contact_days", ColumnType.Integer, "Kontaktperiodens længde", "Length of the contact period", "phase 1 had not started by the as-of date, or its date was not recorded", "days", "0 and up"),
        new("phase1_days", ColumnType.Integer, "Fase 1's længde", "Length of phase 1", "phase 2 had not started by the as-of date, or a date was not recorded", "days", "0 and up"),
        new("phase2_days", ColumnType.Integer, "Fase 2's længde", "Length of phase 2", "phase 3 had not started by the as-of date, or a date was not recorded", "days", "0 and up"),
        new("phase3_days", ColumnType.Integer, "Fase 3's længde", "Length of phase 3", "the course had not ended by the as-of date, or phase 3 never started", "days", "0 and up"),
        new("course_days", ColumnType.Integer, "Forløbets længde", "Length of the course", "the course had not ended by the as-of date", "days", "0 and up"),
        new("end_reason", ColumnType.Text, "Afslutningsårsag", "End reason", "the course had not ended by the as-of date, or no reason was recorded", "", "",
            "completed, dropped_out, moved_away, returned_to_perpetrator, other"),
        new("fidelity", ColumnType.Double, "Metodetroskab", "Fidelity (SPEC §4)", "KR course or CTI course without a worker (fidelity is scored for CTI only), or no component due yet", "points: 100 × mean of the scored components", "0–100"),
        Component("checklists", "Tjeklister", "Checklists"),
        Component("phase_timing", "Fasernes længde", "Phase timing"),
        Component("tapering", "Aftrapning", "Tapering"),
        Component("plan", "Plan", "Plan"),
        Component("needs_assessment", "Behovsvurdering", "Needs assessment"),
        Component("handover", "Overdragelse", "Handover"),
        Component("documentation", "Dokumentation", "Documentation"),
        new("housing_days", ColumnType.Integer, "Opfølgningstid for bolig fra indflytning", "Housing follow-up from moving in", "no move-in date, or no tenancy starting near it", "days", "0 and up"),
        new("housing_lost", ColumnType.Integer, "Mistet boligen", "Lost the home", "as housing_days", "", "0–1", "1 = lost the home (event), 0 = censored"),
        new("shelter_days", ColumnType.Integer, "Opfølgningstid fra udflytning fra krisecenter", "Follow-up from the shelter exit", "no shelter exit date by the as-of date", "days", "0 and up"),
        new("shelter_repeat", ColumnType.Integer, "Nyt krisecenterophold", "New shelter stay", "as shelter_days", "", "0–1", "1 = new shelter stay (event), 0 = censored"),
    ];

    private static ExportColumn Component(string name, string da, string en) =>
        new($"fidelity_{name}", ColumnType.Double, $"Metodetroskab: {da}", $"Fidelity component: {en}", "KR course, or the component not due yet at the as-of date", "share", "0–1");

    private static List<ExportColumn> WaveColumns(InstrumentSet instruments)
    {
        var columns = new List<ExportColumn>
        {
            PersonColumn,
            CourseColumn,
            new("wave", ColumnType.Text, "Måling", "Wave", Never, "", "", "baseline, m3, m6, end, followup"),
            new("days_since_start", ColumnType.Integer, "Dage fra kontaktstart til besvarelse", "Days from contact start to answering", "answer date not recorded", "days", "any (negative = before contact start)"),
        };
        columns.AddRange(instruments.All.Select(Score));
        columns.AddRange(instruments.All.SelectMany(i => i.Items.Select(item => new ExportColumn(item, ColumnType.Integer,
            $"{DanishLabel(i)}: spørgsmål {item}", $"{i.Label}: item {item}", "item not answered at this wave", "response",
            $"{i.ResponseMin.ToString(CultureInfo.InvariantCulture)}–{i.ResponseMax.ToString(CultureInfo.InvariantCulture)}",
            (ResponseCodes.GetValueOrDefault(i.Code, "") + (i.Reverse.Contains(item) ? " (as answered; reverse-scored in the score)" : "")).Trim()))));
        return columns;
    }

    /// <summary>The column of an instrument's score: <c>&lt;code&gt;_score</c>, so no name is shared with an item (SPEC §8).</summary>
    public static string ScoreColumn(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.Code.ToLowerInvariant() + "_score";
    }

    /// <summary>The lowest and highest score an instrument can give (SPEC §3), e.g. WHO-5 0–100.</summary>
    public static (double Min, double Max) ScoreRange(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.Scoring switch
        {
            ScoringRule.Sum => (instrument.ResponseMin * instrument.Items.Count * instrument.Multiplier, instrument.ResponseMax * instrument.Items.Count * instrument.Multiplier),
            ScoringRule.Mean => (instrument.ResponseMin * instrument.Multiplier, instrument.ResponseMax * instrument.Multiplier),
            _ => (instrument.ResponseMin, instrument.ResponseMax),
        };
    }

    private static ExportColumn Score(Instrument i)
    {
        var (min, max) = ScoreRange(i);
        string unit = i.Scoring switch
        {
            ScoringRule.Sum when i.Multiplier != 1 => $"points: sum of the {i.Items.Count} items × {i.Multiplier.ToString(CultureInfo.InvariantCulture)}",
            ScoringRule.Sum => $"points: sum of the {i.Items.Count} items",
            ScoringRule.Mean => $"mean of the answered items{(i.Reverse.Count > 0 ? $" ({string.Join(", ", i.Reverse)} reverse-scored)" : "")}",
            _ => "the yes/no answer as 1/0 (the share answering yes is its mean over courses)",
        };
        string missing = (i.Items.Count == 1 ? "the item was not answered" : i.MinAnswered >= i.Items.Count ? $"not all {i.Items.Count} items answered" : $"fewer than {i.MinAnswered} of the {i.Items.Count} items answered")
            + (i.OnlyWithChildren ? ", or no children living with her (not applicable)" : "");
        string codes = string.Join("; ", i.Bands.Select(b => $"{b.Min.ToString(CultureInfo.InvariantCulture)}–{b.Max.ToString(CultureInfo.InvariantCulture)} = {b.Label}"));
        return new ExportColumn(ScoreColumn(i), ColumnType.Double, $"{DanishLabel(i)}: score", $"{i.Label}: score", missing, unit,
            $"{min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}", codes);
    }

    private static string DanishLabel(Instrument i) => DanishLabels.GetValueOrDefault(i.Code, i.Label);
}
