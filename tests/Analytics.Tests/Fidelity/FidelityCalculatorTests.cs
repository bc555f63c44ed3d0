using Evaluation.Analytics.Fidelity;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using static Evaluation.Analytics.Tests.Build;

namespace Evaluation.Analytics.Tests.Fidelity;

public class FidelityCalculatorTests
{
    private static readonly FidelityCalculator Calculator = new(new FidelityThresholds());

    [Fact]
    public void Calculate_ScoresCtiCoursesOnly_AndCoursesNotStartedAreUnknown()
    {
        var data = Data([
            Course("A", phase1: "2024-01-20"),
            Course("B", group: Group.Kr),
            Course("C", contactStart: "2025-01-01"),
        ]);

        var report = Calculator.Calculate(data, D("2024-06-01"));

        Assert.Equal(["A"], report.Courses.Select(c => c.CourseId));
    }

    [Fact]
    public void Caseload_DividesActiveCoursesOnTheFifteenthByFte()
    {
        // A half-time worker with three CTI courses active on 15 March, one ending 14 March.
        var courses = new[]
        {
            Course("A", contactStart: "2024-03-01"),
            Course("B", contactStart: "2024-02-20"),
            Course("C", contactStart: "2024-03-15"),
            Course("D", contactStart: "2024-01-10", end: "2024-03-14", reason: EndReason.DroppedOut),
        };
        var staff = new StaffMember("W1", "M", 0.5, D("2024-03-01"), null);
        var index = new CourseIndex(Data(courses, staff: [staff]), new AsOf(D("2024-04-10")));

        var month = Assert.Single(Calculator.Caseload(index));

        Assert.Equal((D("2024-03-01"), 3, 6.0), (month.Month, month.ActiveCourses, month.Caseload));
    }

    [Fact]
    public void Workers_ReportCaseloadScoreAndMaximum_AndFidelityOverScoredCoursesOnly()
    {
        // Six courses active from January; a 0.5 FTE worker: 12 per FTE in every month.
        var courses = Enumerable.Range(1, 6).Select(i => Course($"C{i}", contactStart: "2024-01-01")).ToList();
        courses.Add(Course("C7", contactStart: "2024-01-01", phase1: "2024-01-10", moveIn: "2024-01-10"));
        var staff = new StaffMember("W1", "M", 0.5, D("2024-01-01"), D("2024-02-29"));

        var report = Calculator.Calculate(Data(courses, staff: [staff]), D("2024-06-01"));

        var worker = Assert.Single(report.Workers);
        Assert.Equal(1, worker.Courses);       // only C7 has components due
        Assert.Equal(100.0 / 3, worker.Fidelity!.Value, 12); // phase timing 1, contact checklist missing 0, baseline not answered 0
        Assert.Equal(0.0, worker.CaseloadScore); // January and February: 14 per FTE
        Assert.Equal(14.0, worker.MaxCaseload);
    }

    [Fact]
    public void PhaseBoard_ShowsActiveCourses_WithOverdueContactPeriodsAndPhases()
    {
        var data = Data([
            Course("CONTACT-LATE", shelterExit: "2023-12-31", contactStart: "2023-12-01"),
            Course("CONTACT-OK", shelterExit: "2024-02-01", contactStart: "2024-01-15"),
            Course("P3-LATE", contactStart: "2023-01-01", phase1: "2023-01-10", phase2: "2023-04-10", phase3: "2023-11-01"),
            Course("P3-OK", contactStart: "2023-01-01", phase1: "2023-01-10", phase2: "2023-04-10", phase3: "2023-11-02"),
            Course("ENDED", contactStart: "2023-01-01", end: "2024-02-01", reason: EndReason.Other),
        ]);

        var board = Calculator.Calculate(data, D("2024-03-01")).PhaseBoard.ToDictionary(p => p.CourseId);

        Assert.Equal(("contact", 91, true), (board["CONTACT-LATE"].Phase, board["CONTACT-LATE"].DaysInPhase, board["CONTACT-LATE"].Overdue)); // 60 days after exit passed
        Assert.False(board["CONTACT-OK"].Overdue);                                                    // 29 days after exit
        Assert.Equal(("phase3", 121, true), (board["P3-LATE"].Phase, board["P3-LATE"].DaysInPhase, board["P3-LATE"].Overdue));
        Assert.Equal(("phase3", 120, false), (board["P3-OK"].Phase, board["P3-OK"].DaysInPhase, board["P3-OK"].Overdue));
        Assert.False(board.ContainsKey("ENDED"));
    }

    [Fact]
    public void Municipalities_CountCoursesPerBand()
    {
        // Both have a full contact checklist. A starts phase 1 in time: 100, high. B starts it too
        // early and its baseline, due since 19 January, is missing: (1 + 0 + 0) / 3, low.
        var data = Data(
            [
                Course("A", municipality: "X", moveIn: "2024-01-15", phase1: "2024-01-20"),
                Course("B", municipality: "X", moveIn: "2024-01-31", contactStart: "2023-12-01", phase1: "2023-12-20"),
                Course("C", municipality: "X"), // nothing due: no score
            ],
            new[] { "A", "B" }.Select(id => Checklist(id, ChecklistKind.Contact, ("c1", ItemAnswer.Yes), ("c2", ItemAnswer.Yes), ("c3", ItemAnswer.Yes))));

        var m = Assert.Single(Calculator.Calculate(data, D("2024-02-01")).Municipalities);

        Assert.Equal(("X", 2, 1, 0, 1), (m.Municipality, m.Courses, m.High, m.Moderate, m.Low));
        Assert.Equal((100 + (100.0 / 3)) / 2, m.Fidelity!.Value, 12);
    }
}
