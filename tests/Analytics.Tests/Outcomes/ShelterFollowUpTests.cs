using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using static Evaluation.Analytics.Tests.Build;

namespace Evaluation.Analytics.Tests.Outcomes;

/// <summary>The rules of repeat shelter stays (SPEC §5), by hand. She leaves the shelter on 1 March 2024.</summary>
public class ShelterFollowUpTests
{
    private static (int Days, bool Event)? Follow(string asOf, params ShelterStay[] stays) =>
        ShelterFollowUp.Follow(D("2024-03-01"), stays.OrderBy(s => s.EntryDate).ToList(), new AsOf(D(asOf)), 1);

    private static ShelterStay S(string shelter, string entry, string? exit) => new("P1", shelter, D(entry), exit is null ? null : D(exit));

    [Fact]
    public void NoLaterStay_IsCensoredAtTheAsOfDate() =>
        Assert.Equal((100, false), Follow("2024-06-09", S("KC1", "2024-01-10", "2024-03-01")));

    [Fact]
    public void ALaterStay_IsTheEvent_TimedFromTheExit() =>
        Assert.Equal((92, true), Follow("2025-01-01", S("KC1", "2024-01-10", "2024-03-01"), S("KC2", "2024-06-01", "2024-06-20")));

    [Fact]
    public void ATransferStartingTheDayAfter_IsTheSameStay_AndTheNextStayAfterItIsTheEvent()
    {
        // KC1 until 1 March, KC2 from 2 March (transfer) until 1 April, then KC3 from 1 May.
        var result = Follow("2025-01-01", S("KC1", "2024-01-10", "2024-03-01"), S("KC2", "2024-03-02", "2024-04-01"), S("KC3", "2024-05-01", null));

        Assert.Equal((61, true), result);
    }

    [Fact]
    public void AStayTwoDaysAfter_IsARepeatStay() =>
        Assert.Equal((2, true), Follow("2025-01-01", S("KC1", "2024-01-10", "2024-03-01"), S("KC2", "2024-03-03", "2024-04-01")));

    [Fact]
    public void ATransferStillOpen_IsCensoredAtTheAsOfDate() =>
        Assert.Equal((30, false), Follow("2024-03-31", S("KC1", "2024-01-10", "2024-03-01"), S("KC2", "2024-03-02", null)));

    [Fact]
    public void AStayStartingAfterTheAsOfDate_IsNotKnownYet()
    {
        var data = Data([Course(shelterExit: "2024-03-01")], stays: [S("KC1", "2024-01-10", "2024-03-01"), S("KC2", "2024-05-01", null)]);

        var row = new ShelterFollowUp(new CourseIndex(data, new AsOf(D("2024-04-30"))), new OutcomeSettings()).Row(OutcomesCalculator.All, Group.Cti);

        Assert.Equal((1, 0), (row.N, row.Events));
    }

    [Fact]
    public void WithoutAnIndexStay_TheCourseIsLeftOut() =>
        Assert.Null(Follow("2025-01-01", S("KC1", "2024-01-10", "2024-02-27")));

    [Fact]
    public void OneYearCounts_TakeOnlyCoursesFollowedForAYear()
    {
        // As of 1 June 2025: A left 1 March 2023 and came back after 200 days; C left 1 January 2023
        // and never came back; B left 1 September 2024, less than a year ago.
        var data = Data(
            [
                Course("A", person: "PA", shelterExit: "2023-03-01", contactStart: "2023-02-01"),
                Course("B", person: "PB", shelterExit: "2024-09-01", contactStart: "2024-08-01"),
                Course("C", person: "PC", shelterExit: "2023-01-01", contactStart: "2022-12-01"),
            ],
            stays: [
                new ShelterStay("PA", "KC1", D("2023-01-01"), D("2023-03-01")),
                new ShelterStay("PA", "KC1", D("2023-09-17"), D("2023-10-01")),
                new ShelterStay("PB", "KC1", D("2024-07-01"), D("2024-09-01")),
                new ShelterStay("PC", "KC1", D("2022-11-01"), D("2023-01-01")),
            ]);

        var row = new ShelterFollowUp(new CourseIndex(data, new AsOf(D("2025-06-01"))), new OutcomeSettings()).Row(OutcomesCalculator.All, Group.Cti);

        Assert.Equal((3, 1, 2, 1), (row.N, row.Events, row.NFollowed365, row.NRepeat365));
        Assert.Equal(1.0 / 3, row.Cuminc365!.Value, 12); // KM: the event at 200 days with 3 at risk
    }
}
