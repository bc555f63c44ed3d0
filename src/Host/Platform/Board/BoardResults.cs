using Evaluation.Analytics.Fidelity;

namespace Evaluation.Host.Platform.Board;

/// <summary>
/// The published fidelity results of one run, parsed once and arranged for the pages: the phase board
/// with expected transition dates, overdue first, and the municipalities and workers to filter by.
/// </summary>
public sealed class BoardResults
{
    /// <summary>Days from a phase's start to the expected next transition (the manual: three phases of about 3 months).</summary>
    public const int PhaseDays = 90;

    /// <summary>Days from the shelter exit to the expected start of phase 1 (SPEC §4: the contact period is overdue after 60 days).</summary>
    public const int ContactDays = 60;

    public BoardResults(ResultRun run, FidelityReport fidelity, IReadOnlyDictionary<string, DateOnly> shelterExits)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(fidelity);
        ArgumentNullException.ThrowIfNull(shelterExits);
        Run = run;
        Fidelity = fidelity;
        AsOf = DateOnly.ParseExact(fidelity.AsOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var municipalityOf = fidelity.Courses.ToDictionary(c => c.CourseId, c => c.Municipality, StringComparer.Ordinal);
        Phases = fidelity.PhaseBoard
            .Select(p => Row(p, municipalityOf.GetValueOrDefault(p.CourseId, ""), shelterExits))
            .OrderByDescending(p => p.Overdue)
            .ThenBy(p => p.ExpectedTransition ?? DateOnly.MaxValue)
            .ThenByDescending(p => p.DaysInPhase)
            .ThenBy(p => p.CourseId, StringComparer.Ordinal)
            .ToList();
        Municipalities = fidelity.Courses.Select(c => c.Municipality).Concat(fidelity.Municipalities.Select(m => m.Municipality))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Workers = fidelity.Workers.Select(w => (w.WorkerId, w.Municipality))
            .Concat(fidelity.Courses.Where(c => c.WorkerId is not null).Select(c => (WorkerId: c.WorkerId!, c.Municipality)))
            .Distinct().OrderBy(w => w.WorkerId, StringComparer.Ordinal).ToList();
        CoursesByFidelity = fidelity.Courses
            .OrderBy(c => c.Fidelity ?? double.MaxValue)
            .ThenBy(c => c.CourseId, StringComparer.Ordinal)
            .ToList();
    }

    public ResultRun Run { get; }

    public DateOnly AsOf { get; }

    public FidelityReport Fidelity { get; }

    /// <summary>Overdue first, then by the expected transition (soonest first), then longest in phase.</summary>
    public IReadOnlyList<PhaseRow> Phases { get; }

    public IReadOnlyList<string> Municipalities { get; }

    public IReadOnlyList<(string WorkerId, string Municipality)> Workers { get; }

    /// <summary>CTI courses, lowest fidelity first, unscored last.</summary>
    public IReadOnlyList<CourseFidelity> CoursesByFidelity { get; }

    /// <summary>The course ids in the contact period: their expected transition needs the shelter exit date.</summary>
    public static IEnumerable<string> InContactPeriod(FidelityReport fidelity)
    {
        ArgumentNullException.ThrowIfNull(fidelity);
        return fidelity.PhaseBoard.Where(p => p.Phase == "contact").Select(p => p.CourseId);
    }

    private PhaseRow Row(PhaseBoardEntry entry, string municipality, IReadOnlyDictionary<string, DateOnly> shelterExits)
    {
        var start = AsOf.AddDays(-entry.DaysInPhase);
        DateOnly? expected = entry.Phase == "contact"
            ? shelterExits.TryGetValue(entry.CourseId, out var exit) && exit <= AsOf ? exit.AddDays(ContactDays) : null
            : start.AddDays(PhaseDays);
        return new PhaseRow(entry.CourseId, municipality, entry.WorkerId, entry.Phase, entry.DaysInPhase, start, expected, entry.Overdue);
    }
}
