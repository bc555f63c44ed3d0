using Evaluation.Analytics.Statistics;
using Evaluation.Analytics.Tests.Reference;

namespace Evaluation.Analytics.Tests.Statistics;

/// <summary>Against survfit(Surv(time, status) ~ 1, weights = w) (Reference/comparison-reference.R).</summary>
public class WeightedKaplanMeierTests
{
    private static readonly ReferenceTable Input = ReferenceTable.Load("wkm.input.csv");
    private static readonly ReferenceTable Expected = ReferenceTable.Load("wkm.expected.csv");

    [Theory]
    [InlineData("ties")]
    [InlineData("random")]
    public void At_AgreesWithSurvfitWithWeights(string name)
    {
        var km = new WeightedKaplanMeier(Input.Where("case", name)
            .Select(r => (Input.Number(r, "time"), Input.Number(r, "status") == 1, Input.Number(r, "weight"))).ToList());

        foreach (var row in Expected.Where("case", name))
        {
            double time = Expected.Number(row, "time");
            Close.Equal(Expected.Number(row, "surv"), km.At(time), 1e-6, $"S({time})");
        }
    }

    [Fact]
    public void At_IsThePlainKaplanMeier_WithEqualWeights()
    {
        var observations = new List<(double, bool)> { (10, true), (10, false), (20, true), (30, false), (40, true) };
        var plain = new KaplanMeier(observations);
        var weighted = new WeightedKaplanMeier(observations.Select(o => (o.Item1, o.Item2, 0.2)).ToList());

        foreach (var t in new[] { 5.0, 10, 25, 40 })
        {
            Assert.Equal(plain.At(t)!.Survival, weighted.At(t)!.Value, 1e-12);
        }

        Assert.Null(weighted.At(41));
    }

    [Theory]
    [InlineData("ties")]
    [InlineData("random")]
    public void SurvivalAt_IsTheCurvesValue(string name)
    {
        var rows = Input.Where("case", name).Select(r => (Time: Input.Number(r, "time"), Event: Input.Number(r, "status") == 1, Weight: Input.Number(r, "weight"))).ToList();
        var order = Enumerable.Range(0, rows.Count).OrderBy(i => rows[i].Time).ToArray();
        var km = new WeightedKaplanMeier(rows);

        foreach (var t in new[] { 10.0, 30, 180, 365, 2000 })
        {
            var fast = WeightedKaplanMeier.SurvivalAt(order, rows.Select(r => r.Time).ToArray(), rows.Select(r => r.Event).ToArray(), rows.Select(r => r.Weight).ToArray(), t);
            if (km.At(t) is { } expected)
            {
                Assert.Equal(expected, fast!.Value, 1e-12);
            }
            else
            {
                Assert.Null(fast);
            }
        }
    }
}
