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

    [Theory]
    [InlineData("looks like a CPR number; a CPR number belongs in the cpr column only and is never stored in clear", "ligner et CPR-nummer")]
    [InlineData("holds a control character (U+0007), which is no text; remove it", "indeholder et kontroltegn (U+0007)")]
    [InlineData("an Excel error cell (#N/A): the formula has no value; fix it or clear the cell", "en Excel-fejlcelle (#N/A)")]
    [InlineData("outside the accepted dates 1900-01-01 to 2100-12-31 (a placeholder date?)", "uden for de tilladte datoer 1900-01-01 til 2100-12-31")]
    [InlineData("the row has 4 values but the header has 3 columns (a separator or quote is off)", "rækken har 4 værdier, men overskriften har 3 kolonner")]
    [InlineData("the file has an unknown column: =HYPERLINK(\"x\"); the file is not loaded (see row 1 for the closest known names)", "filen har ukendte kolonner: =HYPERLINK(\"x\"); filen er ikke indlæst")]
    [InlineData("part of the merged cell C2:C3: unmerge it and fill in every row", "del af den flettede celle C2:C3")]
    [InlineData("the row names no municipality and the file is not in a municipality folder (<inbox>/<municipality>/<file>)", "rækken nævner ingen kommune")]
    public void Translate_GivesIngestsReasonsInDanish_WithTheirParts(string reason, string danishStart)
    {
        Assert.StartsWith(danishStart, Reasons.Translate(reason, new Labels("da")), StringComparison.Ordinal);
        Assert.Equal(reason, Reasons.Translate(reason, new Labels("en")));
    }
}
