using Evaluation.Host.Platform.Board;
using Microsoft.AspNetCore.Http;

namespace Evaluation.Host.Tests.Platform.Board;

public sealed class QualityPageTests
{
    private static readonly BoardPage Page = new(new DefaultHttpContext(), false);

    [Theory]
    [InlineData("contacts", "date", "31-02-2026", "31-02-2026")]
    [InlineData("courses", "cpr", "1909843876", "19********")]
    [InlineData("contacts", "course_id", "190984-3876", "19*********")]
    [InlineData("contacts", "kind", "see 190984-3876 here", "se******************")]
    [InlineData("answers", "lon2", "7", "(besvarelse, vises ikke)")]
    [InlineData("answers", "wave", "m9", "m9")]
    public void Shown_MasksCprNumbers_AndWithholdsAnswers(string kind, string column, string value, string shown)
    {
        var row = new QuarantinedRow("Aalborg", "Aalborg/x.csv", kind, 2, column, value, "reason");

        Assert.Equal(shown, QualityPage.Shown(Page, row));
    }
}
