namespace Evaluation.Reports.Tests;

public class DisclosureTests
{
    private readonly Disclosure disclosure = new(5);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(120, 120)]
    public void Count_ShowsZeroAndCountsFromFive(int n, int shown) => Assert.Equal(shown, disclosure.Count(n));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Count_HidesOneToFour(int n) => Assert.Equal("<5", disclosure.Count(n));

    [Fact]
    public void Statistic_OnFewerThanFivePersons_IsHidden()
    {
        Assert.Equal("<5", disclosure.Statistic(3.2, 4));
        Assert.Equal(3.2, disclosure.Statistic(3.2, 5));
        Assert.Null(disclosure.Statistic(null, 0));
    }

    [Fact]
    public void Grid_HidesATotal_WhenOneOfItsPartsIsHidden()
    {
        // Row 1: 3 is hidden, so its row total 23 would give it away: hidden too.
        // Column 1: the ALL row's 13 would give the 3 away as well: hidden.
        int[,] counts = { { 3, 20, 23 }, { 10, 30, 40 }, { 13, 50, 63 } };

        var shown = disclosure.Grid(counts, lastRowIsTotal: true, lastColumnIsTotal: true);

        Assert.Equal("<5", shown[0, 0]);
        Assert.Equal("..", shown[0, 2]);
        Assert.Equal("..", shown[2, 0]);
        Assert.Equal("..", shown[2, 2]);
        Assert.Equal(20, shown[0, 1]);
        Assert.Equal(40, shown[1, 2]);
        Assert.Equal(50, shown[2, 1]);
    }

    [Fact]
    public void Grid_ShowsEverything_WhenNothingIsSmall()
    {
        var shown = disclosure.Grid(new[,] { { 0, 7, 7 } }, false, true);

        Assert.Equal([0, 7, 7], new[] { shown[0, 0], shown[0, 1], shown[0, 2] });
    }

    [Fact]
    public void Threshold_IsConfigurable()
    {
        var strict = new Disclosure(10);

        Assert.Equal("<10", strict.Count(9));
        Assert.Equal(10, strict.Count(10));
    }
}
