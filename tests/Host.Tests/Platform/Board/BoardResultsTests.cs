using Evaluation.Analytics.Fidelity;
using Evaluation.Host.Platform.Board;

namespace Evaluation.Host.Tests.Platform.Board;

/// <summary>The phase board page's arrangement of the published phase board (SPEC §4).</summary>
public sealed class BoardResultsTests
{
    private static readonly ResultRun Run = new(1, 7, new DateOnly(2026, 11, 25), true, DateTimeOffset.UnixEpoch, "/nowhere");

    private static FidelityReport Report(params PhaseBoardEntry[] board) => new(
        "2026-11-25",
        board.Select(b => new CourseFidelity(b.CourseId, b.CourseId[..3], b.WorkerId, null, null, new FidelityComponents(null, null, null, null, null, null, null), [])).ToList(),
        [],
        [],
        board);

    [Fact]
    public void Phases_ExpectTheTransition90DaysAfterThePhaseStarted_WhenInAPhase()
    {
        var results = new BoardResults(Run, Report(new PhaseBoardEntry("AAL-1", "W1", "phase2", 35, false)), new Dictionary<string, DateOnly>());

        var row = Assert.Single(results.Phases);
        Assert.Equal(new DateOnly(2026, 10, 21), row.PhaseStart);
        Assert.Equal(new DateOnly(2027, 1, 19), row.ExpectedTransition);
        Assert.Equal("AAL", row.Municipality);
    }

    [Fact]
    public void Phases_ExpectTheTransition60DaysAfterTheShelterExit_WhenInTheContactPeriod()
    {
        var exits = new Dictionary<string, DateOnly> { ["ODE-1"] = new(2026, 9, 1), ["ODE-3"] = new(2026, 12, 1) };
        var results = new BoardResults(Run, Report(
            new PhaseBoardEntry("ODE-1", "W1", "contact", 100, true),
            new PhaseBoardEntry("ODE-2", "W1", "contact", 5, false),
            new PhaseBoardEntry("ODE-3", "W1", "contact", 5, false)), exits);

        var byCourse = results.Phases.ToDictionary(p => p.CourseId);
        Assert.Equal(new DateOnly(2026, 8, 17), byCourse["ODE-1"].PhaseStart); // contact start, as days in phase count from it
        Assert.Equal(new DateOnly(2026, 10, 31), byCourse["ODE-1"].ExpectedTransition);
        Assert.Null(byCourse["ODE-2"].ExpectedTransition);

        // An exit date after the as-of date is not set yet (SPEC §4).
        Assert.Null(byCourse["ODE-3"].ExpectedTransition);
    }

    [Fact]
    public void Phases_ListOverdueFirst_ThenTheSoonestExpectedTransition()
    {
        var results = new BoardResults(Run, Report(
            new PhaseBoardEntry("RAN-1", "W1", "phase1", 10, false),
            new PhaseBoardEntry("RAN-2", "W2", "phase3", 121, true),
            new PhaseBoardEntry("RAN-3", "W1", "phase2", 80, false),
            new PhaseBoardEntry("RAN-4", "W2", "contact", 3, false),
            new PhaseBoardEntry("RAN-5", "W3", "phase1", 200, true)), new Dictionary<string, DateOnly>());

        Assert.Equal(["RAN-5", "RAN-2", "RAN-3", "RAN-1", "RAN-4"], results.Phases.Select(p => p.CourseId));
        Assert.Equal(["RAN"], results.Municipalities);
        Assert.Equal(["W1", "W2", "W3"], results.Workers.Select(w => w.WorkerId));
    }
}
