using Evaluation.Analytics.Fidelity;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using static Evaluation.Analytics.Tests.Build;

namespace Evaluation.Analytics.Tests.Fidelity;

public class CourseFidelityScorerTests
{
    private static CourseFidelity Score(Dataset data, string asOf) =>
        new CourseFidelityScorer(new CourseIndex(data, new AsOf(D(asOf))), new FidelityThresholds()).Score(data.Courses[0]);

    /// <summary>
    /// One completed course walked through by hand. She moves in on 15 January 2024; phase 1 starts
    /// 20 January, phase 2 on 19 April, phase 3 on 18 July, and the course ends "completed" on
    /// 16 October: three phases of 90 days each (2024 is a leap year).
    /// </summary>
    private static Dataset WalkedThrough()
    {
        var course = Course(shelterExit: "2024-01-10", moveIn: "2024-01-15", contactStart: "2024-01-02",
            phase1: "2024-01-20", phase2: "2024-04-19", phase3: "2024-07-18", end: "2024-10-16", reason: EndReason.Completed);

        // Contacts: 12 in phase 1 (12 × 30 / 90 = 4 per 30 days), 6 in phase 2 (2), 2 home visits
        // and the handover meeting in phase 3 (3 → 1). The handover is 36 days before the end.
        var contacts = Contacts("C1", "2024-01-20", 12, 7)
            .Concat(Contacts("C1", "2024-04-19", 6, 14))
            .Concat(Contacts("C1", "2024-07-18", 2, 20))
            .Append(Contact("C1", "2024-09-10", ContactKind.HandoverMeeting));

        // Checklists: contact 2 of 3 yes; phase 2 six of seven yes (p2_4 no, p2_8 not applicable);
        // phase 3 missing; closure all four yes.
        var checklists = new[]
        {
            Checklist("C1", ChecklistKind.Contact, ("c1", ItemAnswer.Yes), ("c2", ItemAnswer.Yes), ("c3", ItemAnswer.No)),
            Checklist("C1", ChecklistKind.Phase2, ("p2_1", ItemAnswer.Yes), ("p2_2", ItemAnswer.Yes), ("p2_3", ItemAnswer.Yes), ("p2_4", ItemAnswer.No),
                ("p2_5", ItemAnswer.Yes), ("p2_6", ItemAnswer.Yes), ("p2_7", ItemAnswer.Yes), ("p2_8", ItemAnswer.NotApplicable)),
            Checklist("C1", ChecklistKind.Closure, ("a1", ItemAnswer.Yes), ("a2", ItemAnswer.Yes), ("a3", ItemAnswer.Yes), ("a4", ItemAnswer.Yes)),
        };

        // Plans: the first had 4 goals; the latest (phase 2) has 3 goals and 3 of 7 needs marked.
        var plans = new[] { Plan("C1", "2024-02-10", 4, "housing"), Plan("C1", "2024-04-25", 3, "housing", "economy", "network") };

        // Waves: baseline 5 days after phase 1 (documented), m3 36 days after phase 2 (too late),
        // m6 never answered, end 4 days after the end (documented).
        var answers = new[]
        {
            Answer("C1", Wave.Baseline, "2024-01-25"),
            Answer("C1", Wave.M3, "2024-05-25"),
            Answer("C1", Wave.End, "2024-10-20"),
        };
        return Data([course], checklists, contacts, plans, answers);
    }

    [Fact]
    public void Score_OfTheWalkedThroughCourse_MatchesTheHandWorkedValues()
    {
        var result = Score(WalkedThrough(), "2024-12-31");

        var c = result.Components;
        Assert.Equal(53.0 / 84, c.Checklists!.Value, 12);   // (2/3 + 6/7 + 0 + 1) / 4
        Assert.Equal(1.0, c.PhaseTiming);                    // 90, 90, 90 days and phase 1 after move-in − 31
        Assert.Equal(1.0, c.Tapering);                       // 4 > 2 and 2 > 1
        Assert.Equal(1.0, c.Plan);                           // the latest plan has 3 goals
        Assert.Equal(3.0 / 7, c.NeedsAssessment!.Value, 12);
        Assert.Equal(1.0, c.Handover);
        Assert.Equal(0.5, c.Documentation);                  // baseline and end of four due waves
        Assert.Equal(100.0 * 467 / 588, result.Fidelity!.Value, 9); // 100 × (53/84 + 1 + 1 + 1 + 3/7 + 1 + 0.5) / 7
        Assert.Equal("moderate", result.Band);
        Assert.Equal(["c3", "p2_4", "p3_1", "p3_2"], result.MissingItems);
    }

    [Fact]
    public void Score_BeforeAnythingIsDue_IsNull_NotZero()
    {
        var course = Course(contactStart: "2024-01-02", phase1: "2024-01-20");

        var result = Score(Data([course]), "2024-01-19");

        Assert.All(result.Components.Values(), Assert.Null);
        Assert.Null(result.Fidelity);
        Assert.Null(result.Band);
    }

    [Theory]
    [InlineData("2024-04-18", false)] // the day before phase 2: phase 1 not finished
    [InlineData("2024-04-19", true)]  // phase 2 starts on the as-of day: it counts as set
    public void PhaseTwo_IsDue_FromItsStartDate_Inclusive(string asOf, bool due)
    {
        var result = Score(WalkedThrough(), asOf);

        Assert.Equal(due, result.Components.Plan is not null);
        Assert.Equal(due, result.Components.NeedsAssessment is not null);
        Assert.Equal(due, result.MissingItems.Contains("p2_4"));
    }

    [Theory]
    [InlineData("2024-02-18", false)] // baseline anchor 20 January + 30 days = 19 February
    [InlineData("2024-02-19", true)]
    public void Documentation_IsDue_ThirtyDaysAfterTheAnchor(string asOf, bool due)
    {
        var result = Score(WalkedThrough(), asOf);

        Assert.Equal(due ? 1.0 : null, result.Components.Documentation);
    }

    [Theory]
    [InlineData("2024-02-20", 1.0)]  // 30 days after the anchor: inside the window
    [InlineData("2024-02-21", 0.0)]  // 31 days: outside
    [InlineData("2023-12-22", 1.0)]  // 30 days before: inside
    [InlineData("2023-12-21", 0.0)]  // 31 days before: outside
    public void Documentation_Window_IsThirtyDaysEitherSide(string answered, double expected)
    {
        var course = Course(phase1: "2024-01-21");

        var result = Score(Data([course], answers: [Answer("C1", Wave.Baseline, answered)]), "2024-06-01");

        Assert.Equal(expected, result.Components.Documentation);
    }

    [Theory]
    [InlineData(59, 0.0)]
    [InlineData(60, 1.0)]
    [InlineData(120, 1.0)]
    [InlineData(121, 0.0)]
    public void PhaseTiming_CountsSixtyToOneHundredTwentyDays(int days, double expected)
    {
        var phase2 = D("2024-01-20").AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var course = Course(phase1: "2024-01-20", phase2: phase2);

        Assert.Equal(expected, Score(Data([course]), "2024-12-31").Components.PhaseTiming);
    }

    [Theory]
    [InlineData("2023-12-15", 1.0)] // exactly 31 days before moving in on 15 January
    [InlineData("2023-12-14", 0.0)] // 32 days before
    public void PhaseTiming_ChecksPhaseOneAgainstMovingIn(string phase1, double expected)
    {
        var course = Course(moveIn: "2024-01-15", contactStart: "2023-12-01", phase1: phase1);

        Assert.Equal(expected, Score(Data([course]), "2024-02-01").Components.PhaseTiming);
    }

    [Theory]
    [InlineData("2024-09-16", 1.0)] // exactly 30 days before the end on 16 October
    [InlineData("2024-09-17", 0.0)] // 29 days before
    public void Handover_NeedsAMeetingThirtyDaysBeforeTheEnd(string meeting, double expected)
    {
        var course = Course(phase1: "2024-01-20", phase2: "2024-04-19", phase3: "2024-07-18", end: "2024-10-16", reason: EndReason.Completed);

        var result = Score(Data([course], contacts: [Contact("C1", meeting, ContactKind.HandoverMeeting)]), "2024-12-31");

        Assert.Equal(expected, result.Components.Handover);
    }

    [Fact]
    public void EarlyTermination_LeavesPhaseThreeAndHandoverOut_ButTheClosureChecklistIsDue()
    {
        // Dropped out during phase 3: phase 3 is not finished, so no r3 and no handover.
        var course = Course(phase1: "2024-01-20", phase2: "2024-04-19", phase3: "2024-07-18", end: "2024-08-01", reason: EndReason.DroppedOut);
        var contacts = Contacts("C1", "2024-01-20", 12, 7).Concat(Contacts("C1", "2024-04-19", 12, 7));

        var result = Score(Data([course], contacts: contacts), "2024-12-31");

        Assert.Null(result.Components.Handover);
        Assert.Equal(0.0, result.Components.Tapering);        // r1 = 4, r2 = 4: one pair, not tapering
        Assert.Equal(1.0, result.Components.PhaseTiming);     // phases 1 and 2 finished at 90 days
        Assert.Equal(0.0, result.Components.Checklists);      // contact, phase2, phase3, closure all missing
        Assert.Equal(["c1", "c2", "c3", "p2_1", "p2_2", "p2_3", "p2_4", "p2_5", "p2_6", "p2_7", "p2_8", "p3_1", "p3_2", "a1", "a2", "a3", "a4"], result.MissingItems);
    }

    [Fact]
    public void Checklists_WithOnlyNotApplicableItems_AreLeftOut_AndBlankItemsCountAsNotDone()
    {
        var course = Course(phase1: "2024-01-20", phase2: "2024-04-19", phase3: "2024-07-18");
        var checklists = new[]
        {
            Checklist("C1", ChecklistKind.Contact, ("c1", ItemAnswer.Yes), ("c2", ItemAnswer.Yes)), // c3 left blank
            Checklist("C1", ChecklistKind.Phase2, ("p2_1", ItemAnswer.Yes)), // seven blanks
            Checklist("C1", ChecklistKind.Phase3, ("p3_1", ItemAnswer.NotApplicable), ("p3_2", ItemAnswer.NotApplicable)),
        };

        var result = Score(Data([course], checklists), "2024-08-01");

        Assert.Equal(((2.0 / 3) + (1.0 / 8)) / 2, result.Components.Checklists!.Value, 12);
        Assert.Contains("c3", result.MissingItems);
        Assert.DoesNotContain("p3_1", result.MissingItems);
    }

    [Fact]
    public void Plan_WithoutAnyPlan_ScoresZero_OnceDue()
    {
        var course = Course(phase1: "2024-01-20", phase2: "2024-04-19");

        var result = Score(Data([course], plans: [Plan("C1", "2024-05-01", 2)]), "2024-04-30");

        Assert.Equal(0.0, result.Components.Plan);           // the only plan is dated after the as-of date
        Assert.Equal(0.0, result.Components.NeedsAssessment);
    }

    [Fact]
    public void Tapering_CountsContactsUpToTheDayBeforeTheNextPhase()
    {
        // Phase 1: 60 days with 8 contacts (4 per 30 days); phase 2: 60 days with 8 contacts, one of
        // them on phase 2's first day. If that contact were counted in phase 1, r1 would be 4.5 > 4.
        var course = Course(phase1: "2024-01-01", phase2: "2024-03-01", phase3: "2024-04-30");
        var contacts = Contacts("C1", "2024-01-01", 8, 7).Concat(Contacts("C1", "2024-03-01", 8, 7));

        Assert.Equal(0.0, Score(Data([course], contacts: contacts), "2024-12-31").Components.Tapering);
    }
}
