using System.Security.Cryptography;
using System.Text;
using Evaluation.Analytics;
using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;
using Evaluation.Reports.Discretion;
using Evaluation.Reports.Publication;
using Evaluation.Reports.Workbooks;

namespace Evaluation.Reports;

/// <summary>Rows that could not be used, by file and reason (from the quarantine), for the data-quality sheet.</summary>
public sealed record QualityRow(string File, string Kind, string Reason, int Rows);

/// <summary>What the method notes print beside the definitions.</summary>
public sealed record MethodNotes(string SoftwareVersion, string InstrumentSource, FidelityThresholds Thresholds, OutcomeSettings Settings);

/// <summary>One course followed for housing retention or a repeat shelter stay: days followed and whether the event happened.</summary>
public sealed record FollowedCourse(string Municipality, Group Group, double Time, bool Event);

/// <summary>Survival observations per course, for the charts (drawn with discretion, SPEC §7 rule 3).</summary>
public sealed record FollowUps(IReadOnlyList<FollowedCourse> Housing, IReadOnlyList<FollowedCourse> Shelter)
{
    public IReadOnlyList<(double Time, bool Event)> Of(IReadOnlyList<FollowedCourse> list, string municipality, Group group) =>
        list.Where(o => o.Group == group && (municipality == OutcomesCalculator.All || o.Municipality == municipality)).Select(o => (o.Time, o.Event)).ToList();
}

/// <summary>What one report run wrote: the files, the discretion decided for the whole run, and where each registered cell was printed.</summary>
public sealed record WrittenReports(IReadOnlyList<string> Files, DiscretionEngine Discretion, IReadOnlyList<CellLocation> Locations);

/// <summary>Everything one reporting run needs: the data, the computed results and the survival observations.</summary>
public sealed record ReportInput(
    Dataset Data,
    DateOnly AsOf,
    OutcomesReport Outcomes,
    FidelityReport Fidelity,
    IReadOnlyList<CaseloadMonth> Caseload,
    FollowUps FollowUps,
    IReadOnlyList<QualityRow> Quality,
    MethodNotes Method,
    InstrumentSet Instruments)
{
    /// <summary>Computes outcomes, fidelity, caseload and the survival observations once for all workbooks of a run.</summary>
    public static ReportInput Compute(Dataset data, DateOnly asOf, InstrumentSet instruments, FidelityThresholds thresholds, OutcomeSettings settings, IReadOnlyList<QualityRow> quality, string softwareVersion)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(settings);
        var fidelity = new FidelityCalculator(thresholds);
        var index = new CourseIndex(data, new AsOf(asOf));
        return new ReportInput(
            data,
            asOf,
            new OutcomesCalculator(instruments, settings).Calculate(data, asOf),
            fidelity.Calculate(data, asOf),
            fidelity.Caseload(index),
            Follow(index, settings),
            quality,
            new MethodNotes(softwareVersion, instruments.Source, thresholds, settings),
            instruments);
    }

    /// <summary>The same follow-up as the outcomes (SPEC §5), kept per course for the charts.</summary>
    private static FollowUps Follow(CourseIndex index, OutcomeSettings settings)
    {
        var housing = new List<FollowedCourse>();
        var shelter = new List<FollowedCourse>();
        foreach (var course in index.Courses)
        {
            if (HousingFollowUp.Follow(course, index.TenanciesOf(course.PersonKey), index.AsOf, settings.TenancyWindowDays) is { } h)
            {
                housing.Add(new FollowedCourse(course.Municipality, course.Group, h.Days, h.Event));
            }

            if (index.AsOf.Known(course.ShelterExitDate) is { } exit && ShelterFollowUp.Follow(exit, index.StaysOf(course.PersonKey), index.AsOf, settings.SameStayGapDays) is { } s)
            {
                shelter.Add(new FollowedCourse(course.Municipality, course.Group, s.Days, s.Event));
            }
        }

        return new FollowUps(housing, shelter);
    }

    /// <summary>
    /// Writes the report and the management workbook per municipality (or only <paramref name="municipality"/>'s) and, for all,
    /// the pair across municipalities. Discretion is decided for every report of the run before any is written, so
    /// a municipality written alone shows what it shows in a full run. One progress message per workbook written.
    /// </summary>
    public WrittenReports WriteWorkbooks(string folder, Labels labels, int threshold = 5, string? municipality = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var engine = new DiscretionEngine(threshold);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var published = new PublishedReport(this, labels, engine);
        engine.Decide();
        progress?.Report(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"discretion: {engine.Cells.Count} cells, {engine.Relations.Count} relations, {engine.Cells.Count(c => c.Mark != Mark.Shown)} hidden, decided in {clock.Elapsed.TotalSeconds:0.0} s"));
        var management = new ManagementReport(this, labels);
        var writer = new WorkbookWriter(labels, engine.SmallMark);
        var municipalities = Data.Courses.Select(c => c.Municipality).Distinct().Order(StringComparer.Ordinal).ToList();
        var stems = FileStems(municipalities, labels["file.cross"]);
        var scopes = municipalities.Where(m => municipality is null || m == municipality).ToList();
        if (municipality is null)
        {
            scopes.Add(OutcomesCalculator.All);
        }

        var asOf = AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var files = new List<string>();
        var locations = new List<CellLocation>();
        foreach (var scope in scopes)
        {
            var stem = stems[scope];
            files.Add(writer.Write(published.Build(scope, $"{stem}_{labels["file.report"]}_{asOf}"), folder, locations));
            progress?.Report(Path.GetFileName(files[^1]));
            files.Add(writer.Write(management.Build(scope, $"{stem}_{labels["file.management"]}_{asOf}"), folder, null));
            progress?.Report(Path.GetFileName(files[^1]));
        }

        return new WrittenReports(files, engine, locations);
    }

    /// <summary>
    /// A file-name stem per municipality: letters, digits, '-' and '_' kept, anything else '_'. A
    /// municipality whose stem is also another's or the cross-municipality workbooks' (ignoring case, as
    /// file systems may), or is longer than 60 characters, gets a short hash of its full name (cut to
    /// 50 characters first): "Vest/Egn" and "Vest Egn", or a municipality named like the
    /// cross-municipality workbooks, never overwrite each other, and no name makes a path too long.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FileStems(IReadOnlyList<string> municipalities, string crossName)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        var cross = Clean(crossName);
        var clean = municipalities.Distinct(StringComparer.Ordinal).ToDictionary(m => m, Clean, StringComparer.Ordinal);
        var shared = clean.Values.Append(cross).GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stems = clean.ToDictionary(
            m => m.Key,
            m => shared.Contains(m.Value) || m.Value.Length > 60 ? $"{m.Value[..Math.Min(m.Value.Length, 50)]}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(m.Key)))[..8]}" : m.Value,
            StringComparer.Ordinal);
        stems[OutcomesCalculator.All] = cross;
        return stems;
    }

    private static string Clean(string name)
    {
        var cleaned = string.Concat(name.Normalize(NormalizationForm.FormC).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return cleaned.Length == 0 ? "_" : cleaned;
    }
}
