using Evaluation.Domain.Places;

namespace Evaluation.Domain.Tests.Places;

public sealed class DanishMunicipalitiesTests
{
    [Theory]
    [InlineData("Aalborg", "Aalborg")]
    [InlineData("aalborg", "Aalborg")]
    [InlineData("Aalborg Kommune", "Aalborg")]
    [InlineData("Københavns Kommune", "København")]
    [InlineData("KØBENHAVNS KOMMUNE", "København")]
    [InlineData("Bornholms Regionskommune", "Bornholm")]
    [InlineData("Århus", "Aarhus")]
    [InlineData("høje-taastrup", "Høje-Taastrup")]
    public void OfficialName_WritesAMunicipality_AsTheListDoes(string written, string official) =>
        Assert.Equal(official, DanishMunicipalities.OfficialName(written));

    [Theory]
    [InlineData("Kommune 005")]
    [InlineData("Malmö")]
    [InlineData("Aalborg Øst")]
    public void OfficialName_GuessesNothing_ForANameNotAmongThe98(string written) =>
        Assert.Null(DanishMunicipalities.OfficialName(written));
}
