namespace Evaluation.Export.Tests;

public class DanishRegionsTests
{
    [Fact]
    public void Municipalities_AreThe98_InTheFiveRegions()
    {
        var counts = DanishRegions.Municipalities.GroupBy(m => m.Value).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(98, DanishRegions.Municipalities.Count);
        Assert.Equal(29, counts["Region Hovedstaden"]);
        Assert.Equal(17, counts["Region Sjælland"]);
        Assert.Equal(22, counts["Region Syddanmark"]);
        Assert.Equal(19, counts["Region Midtjylland"]);
        Assert.Equal(11, counts["Region Nordjylland"]);
    }

    [Theory]
    [InlineData("Aalborg", "Region Nordjylland")]
    [InlineData("København", "Region Hovedstaden")]
    [InlineData("Københavns Kommune", "Region Hovedstaden")]
    [InlineData("Bornholms Regionskommune", "Region Hovedstaden")]
    [InlineData("Århus", "Region Midtjylland")]
    [InlineData("randers", "Region Midtjylland")]
    [InlineData("Assens", "Region Syddanmark")]
    [InlineData("Læsø", "Region Nordjylland")]
    [InlineData("Næstved", "Region Sjælland")]
    [InlineData("Kommune 005", DanishRegions.Unknown)]
    [InlineData("Malmö", DanishRegions.Unknown)]
    public void RegionOf_AMunicipality(string municipality, string region) => Assert.Equal(region, DanishRegions.RegionOf(municipality));
}
