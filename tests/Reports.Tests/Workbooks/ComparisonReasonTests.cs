using Evaluation.Reports.Publication;

namespace Evaluation.Reports.Tests.Workbooks;

public sealed class ComparisonReasonTests
{
    [Theory]
    [InlineData("no courses with valid baseline and end scores", "ingen forløb har en gyldig score både ved start og ved afslutning")]
    [InlineData("no KR courses", "ingen forløb med koordinerende rådgivning")]
    [InlineData("the propensity model did not converge", "modellen for sandsynligheden for CTI kunne ikke beregnes")]
    public void Text_IsDanish_InTheDanishReport(string note, string danish)
    {
        Assert.Equal(danish, ComparisonReason.Text(note, new Labels("da")));
        Assert.Equal(note, ComparisonReason.Text(note, new Labels("en")));
    }

    [Fact]
    public void Text_KeepsTheBootstrapCounts_InDanish()
    {
        var note = "612 of 1000 bootstrap resamples gave no estimate (a group missing or no convergence); the interval rests on the other 388";

        var text = ComparisonReason.Text(note, new Labels("da"));

        Assert.StartsWith("612 af 1000 genberegninger", text, StringComparison.Ordinal);
        Assert.EndsWith("de øvrige 388", text, StringComparison.Ordinal);
    }
}
