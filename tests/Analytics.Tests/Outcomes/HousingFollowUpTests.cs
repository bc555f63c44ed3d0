using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using static Evaluation.Analytics.Tests.Build;

namespace Evaluation.Analytics.Tests.Outcomes;

/// <summary>The event and censoring rules of housing retention (SPEC §5), worked by hand. She moves in on 1 March 2024.</summary>
public class HousingFollowUpTests
{
    private static readonly Course MovedIn = Course(moveIn: "2024-03-01");

    private static (int Days, bool Event)? Follow(string asOf, params Tenancy[] tenancies) =>
        HousingFollowUp.Follow(MovedIn, tenancies.OrderBy(t => t.StartDate).ToList(), new AsOf(D(asOf)), 14);

    private static Tenancy T(string start, string? end = null, TenancyEndReason? reason = null) =>
        new("P1", D(start), end is null ? null : D(end), reason);

    [Fact]
    public void OngoingTenancy_IsCensoredAtTheAsOfDate() =>
        Assert.Equal((100, false), Follow("2024-06-09", T("2024-03-01")));

    [Fact]
    public void Eviction_IsAnEvent_AtTheEndOfTheTenancy() =>
        Assert.Equal((31, true), Follow("2025-01-01", T("2024-03-01", "2024-04-01", TenancyEndReason.Eviction)));

    [Fact]
    public void Eviction_IsAnEvent_EvenWhenANewHomeFollowsAtOnce() =>
        Assert.Equal((31, true), Follow("2025-01-01", T("2024-03-01", "2024-04-01", TenancyEndReason.Eviction), T("2024-04-02")));

    [Fact]
    public void MoveToANewHomeWithin14Days_ContinuesTheFollowUp() =>
        // Moved 1 April, next home 15 April (14 days), which runs on: censored at the as-of date.
        Assert.Equal((306, false), Follow("2025-01-01", T("2024-03-01", "2024-04-01", TenancyEndReason.Moved), T("2024-04-15")));

    [Fact]
    public void MoveWithNoNewHomeWithin14Days_LosesTheHome_AtTheEndOfTheTenancy() =>
        // Next home only 16 April (15 days): housing was lost on 1 April.
        Assert.Equal((31, true), Follow("2025-01-01", T("2024-03-01", "2024-04-01", TenancyEndReason.Moved), T("2024-04-16")));

    [Fact]
    public void AChainOfTenancies_IsFollowedToItsEnd() =>
        // 1 March → 1 June (moved) → 10 June → 1 October (abandoned): lost after 214 days.
        Assert.Equal((214, true), Follow("2025-01-01",
            T("2024-03-01", "2024-06-01", TenancyEndReason.Moved),
            T("2024-06-10", "2024-10-01", TenancyEndReason.Abandoned)));

    [Theory]
    [InlineData(TenancyEndReason.Died)]
    [InlineData(TenancyEndReason.Emigrated)]
    public void DeathAndEmigration_Censor(TenancyEndReason reason) =>
        Assert.Equal((31, false), Follow("2025-01-01", T("2024-03-01", "2024-04-01", reason)));

    [Fact]
    public void AnEndAfterTheAsOfDate_IsNotKnownYet() =>
        Assert.Equal((45, false), Follow("2024-04-15", T("2024-03-01", "2024-05-01", TenancyEndReason.Eviction)));

    [Fact]
    public void AMoveWhoseFourteenDaysReachPastTheAsOfDate_IsCensoredAtTheEnd() =>
        // Moved out 1 April; on 10 April it is not yet known whether a new home follows by 15 April.
        Assert.Equal((31, false), Follow("2024-04-10", T("2024-03-01", "2024-04-01", TenancyEndReason.Moved)));

    [Fact]
    public void IndexTenancy_IsTheClosestWithin14Days_TheEarlierOnATie()
    {
        // Starts 10 days before and 10 days after moving in: the earlier one is the index tenancy.
        Assert.Equal((0, true), Follow("2025-01-01",
            T("2024-02-20", "2024-02-25", TenancyEndReason.Eviction),
            T("2024-03-11")));
        Assert.Null(Follow("2025-01-01", T("2024-03-16"))); // 15 days after moving in: no index tenancy
    }

    [Fact]
    public void WithoutMoveInDate_OrIndexTenancy_TheCourseIsLeftOutAndCounted()
    {
        var data = Data(
            [Course("A", person: "PA", moveIn: "2024-03-01"), Course("B", person: "PB", moveIn: null), Course("C", person: "PC", moveIn: "2024-03-01")],
            tenancies: [new Tenancy("PA", D("2024-03-01"), null, null), new Tenancy("PC", D("2024-05-01"), null, null)]);

        var follow = new HousingFollowUp(new CourseIndex(data, new AsOf(D("2025-06-01"))), new OutcomeSettings());

        Assert.Equal((1, 1), (follow.NoMoveInDate, follow.NoIndexTenancy));
        Assert.Equal(1, follow.Row(OutcomesCalculator.All, Group.Cti).N);
    }
}
