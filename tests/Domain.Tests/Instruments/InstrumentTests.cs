using Evaluation.Domain.Instruments;

namespace Evaluation.Domain.Tests.Instruments;

public class InstrumentTests
{
    private static readonly InstrumentSet Set = InstrumentSet.Default;

    private static Dictionary<string, double> Items(params (string Item, double Value)[] items) =>
        items.ToDictionary(i => i.Item, i => i.Value);

    [Fact]
    public void Lonely3_IsTheSumOfThreeItems() =>
        Assert.Equal(7, Set["LONELY3"].Score(Items(("lon1", 2), ("lon2", 3), ("lon3", 2)), null));

    [Fact]
    public void Lonely3_IsNull_WhenAnItemIsMissing() =>
        Assert.Null(Set["LONELY3"].Score(Items(("lon1", 2), ("lon2", 3)), null));

    [Fact]
    public void SelfCare_IsTheMeanOfAnsweredItems_WhenFiveOfSixAreAnswered()
    {
        // (1 + 2 + 3 + 4 + 5) / 5 = 3: the mean of the answered items, not of six.
        var score = Set["SELFCARE"].Score(Items(("sc1", 1), ("sc2", 2), ("sc3", 3), ("sc4", 4), ("sc5", 5)), null);
        Assert.Equal(3.0, score);
    }

    [Fact]
    public void SelfCare_IsNull_WithFourOfSixItems() =>
        Assert.Null(Set["SELFCARE"].Score(Items(("sc1", 1), ("sc2", 2), ("sc3", 3), ("sc4", 4)), null));

    [Fact]
    public void Parent_ReverseScoresPar3_BeforeTheMean()
    {
        // par3 = 1 counts as 6 − 1 = 5: (4 + 4 + 5 + 4 + 4) / 5 = 4.2.
        var score = Set["PARENT"].Score(Items(("par1", 4), ("par2", 4), ("par3", 1), ("par4", 4), ("par5", 4)), children: 2);
        Assert.Equal(4.2, score!.Value, 12);
    }

    [Fact]
    public void Parent_WorksAtTheMinimumOfFourItems_WithTheReversedItemAmongThem()
    {
        // (5 + (6 − 2) + 3 + 4) / 4 = 4.
        var score = Set["PARENT"].Score(Items(("par1", 5), ("par3", 2), ("par4", 3), ("par5", 4)), children: 1);
        Assert.Equal(4.0, score);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public void Parent_IsNull_WithoutChildren(int? children) =>
        Assert.Null(Set["PARENT"].Score(Items(("par1", 4), ("par2", 4), ("par3", 1), ("par4", 4), ("par5", 4)), children));

    [Fact]
    public void Who5_IsTheRawSumTimesFour() =>
        Assert.Equal(64, Set["WHO5"].Score(Items(("who1", 3), ("who2", 3), ("who3", 4), ("who4", 3), ("who5", 3)), null));

    [Fact]
    public void Safety_IsTheYesNoItem() =>
        Assert.Equal(1, Set["SAFETY"].Score(Items(("viol", 1)), null));

    [Fact]
    public void Default_HasTheSpecDirectionsAndReliabilities()
    {
        Assert.False(Set["LONELY3"].HigherIsBetter);
        Assert.True(Set["SELFCARE"].HigherIsBetter);
        Assert.Equal(0.72, Set["LONELY3"].Reliability);
        Assert.Equal(0.85, Set["SELFCARE"].Reliability);
        Assert.Equal(0.80, Set["PARENT"].Reliability);
        Assert.Equal(0.84, Set["WHO5"].Reliability);
        Assert.Null(Set["SAFETY"].Reliability);
        Assert.Equal(new Band("high loneliness", 7, 9), Set["LONELY3"].BandNamed("high loneliness"));
    }
}
