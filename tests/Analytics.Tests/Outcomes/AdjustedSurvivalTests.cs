using Evaluation.Analytics.Outcomes;
using Evaluation.Analytics.Tests.Reference;
using Evaluation.Analytics.Tests.Statistics;

namespace Evaluation.Analytics.Tests.Outcomes;

/// <summary>Against glm weights and survfit(..., weights = w) in R (Reference/comparison-reference.R).</summary>
public class AdjustedSurvivalTests
{
    private static readonly ReferenceTable Input = ReferenceTable.Load("adjusted.input.csv");
    private static readonly ReferenceTable Expected = ReferenceTable.Load("adjusted.expected.csv");

    private static List<(PropensityUnit Unit, double Time, bool Event)> Followed() => Input.Rows
        .Select(r => (new PropensityUnit(Input.Text(r, "municipality"), [Input.Number(r, "age"), Input.Number(r, "children")], Input.Number(r, "cti") == 1),
            Input.Number(r, "time"), Input.Number(r, "status") == 1))
        .ToList();

    [Fact]
    public void Compute_AgreesWithWeightedSurvfit()
    {
        var rows = new AdjustedSurvival(new OutcomeSettings { BootstrapResamples = 200 }).Compute(Followed(), cumulative: false);

        Assert.Equal(["CTI", "KR"], rows.Select(r => r.Group));
        foreach (var row in rows)
        {
            var expected = Expected.Where("group", row.Group).Single();
            Assert.Equal((int)Expected.Number(expected, "n"), row.N);
            Close.Equal(Expected.Number(expected, "s_180"), row.S180, 1e-6, row.Group + " s_180");
            Close.Equal(Expected.Number(expected, "s_365"), row.S365, 1e-6, row.Group + " s_365");
            Assert.True(row.Low < row.S365 && row.S365 < row.High, $"{row.Group}: {row.Low} < {row.S365} < {row.High}");
        }
    }

    [Fact]
    public void Compute_GivesTheCumulativeIncidence_WhenAsked()
    {
        var settings = new OutcomeSettings { BootstrapResamples = 100 };
        var survival = new AdjustedSurvival(settings).Compute(Followed(), cumulative: false);
        var incidence = new AdjustedSurvival(settings).Compute(Followed(), cumulative: true);

        for (int g = 0; g < 2; g++)
        {
            Assert.Equal(1 - survival[g].S365!.Value, incidence[g].S365!.Value, 1e-12);
            Assert.Equal(1 - survival[g].High!.Value, incidence[g].Low!.Value, 1e-9);
            Assert.Equal(1 - survival[g].Low!.Value, incidence[g].High!.Value, 1e-9);
        }
    }

    [Fact]
    public void Compute_IsNull_WithoutKrCourses()
    {
        var rows = new AdjustedSurvival(new OutcomeSettings { BootstrapResamples = 20 }).Compute(Followed().Where(f => f.Unit.Cti).ToList(), cumulative: false);

        Assert.All(rows, r => Assert.Null(r.S365));
        Assert.Equal(0, rows[1].N);
    }
}
