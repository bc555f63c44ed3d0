using Evaluation.Reports.Publication;

namespace Evaluation.Reports.Tests.Workbooks;

public sealed class ReasonsTests
{
    [Theory]
    [InlineData("no courses with valid baseline and end scores", "ingen forløb har en gyldig score både ved start og ved afslutning")]
    [InlineData("no KR courses", "ingen forløb med koordinerende rådgivning")]
    [InlineData("the propensity model did not converge", "modellen for sandsynligheden for CTI kunne ikke beregnes")]
    public void Translate_GivesTheComparisonsReasonInDanish_InTheDanishReport(string note, string danish)
    {
        Assert.Equal(danish, Reasons.Translate(note, new Labels("da")));
        Assert.Equal(note, Reasons.Translate(note, new Labels("en")));
    }

    [Fact]
    public void Translate_KeepsTheBootstrapCounts_InDanish()
    {
        var note = "612 of 1000 bootstrap resamples gave no estimate (a group missing or no convergence); the interval rests on the other 388";

        var text = Reasons.Translate(note, new Labels("da"));

        Assert.StartsWith("612 af 1000 genberegninger", text, StringComparison.Ordinal);
        Assert.EndsWith("de øvrige 388", text, StringComparison.Ordinal);
    }
}
