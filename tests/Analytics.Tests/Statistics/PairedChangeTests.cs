using Evaluation.Analytics.Statistics;
using Evaluation.Analytics.Tests.Reference;

namespace Evaluation.Analytics.Tests.Statistics;

/// <summary>Against R's t.test(paired = TRUE) and the Jacobson–Truax formula (Reference/make-reference.R).</summary>
public class PairedChangeTests
{
    private static readonly ReferenceTable Input = ReferenceTable.Load("paired.input.csv");
    private static readonly ReferenceTable Expected = ReferenceTable.Load("paired.expected.csv");

    [Theory]
    [InlineData("small")]
    [InlineData("ties")]
    [InlineData("random")]
    [InlineData("worse")]
    [InlineData("two")]
    public void Compute_AgreesWithR(string name)
    {
        var rows = Input.Where("case", name).ToList();
        var e = Expected.Where("case", name).Single();

        var s = PairedChange.Compute(
            rows.Select(r => Input.Number(r, "from")).ToList(),
            rows.Select(r => Input.Number(r, "to")).ToList(),
            Expected.Number(e, "reliability"),
            Expected.Text(e, "higher_is_better") == "TRUE");

        Assert.Equal((int)Expected.Number(e, "n"), s.N);
        foreach (var (column, value) in new[] { ("mean_from", s.MeanFrom), ("mean_to", s.MeanTo), ("mean_change", s.MeanChange), ("sd_change", s.SdChange), ("ci_low", s.CiLow), ("ci_high", s.CiHigh), ("p_value", s.PValue), ("d_z", s.Dz) })
        {
            Close.Equal(Expected.Number(e, column), value, 1e-9, $"{name} {column}");
        }

        Assert.Equal(((int)Expected.Number(e, "improved"), (int)Expected.Number(e, "deteriorated"), (int)Expected.Number(e, "unchanged")), (s.Improved, s.Deteriorated, s.Unchanged));
    }

    [Theory]
    [InlineData(false, 1, 1, 1)]
    [InlineData(true, 1, 1, 1)]
    public void Rci_CountsImprovementInTheBetterDirection(bool higherIsBetter, int improved, int deteriorated, int unchanged)
    {
        // sd_from of 4, 6, 8 is 2; reliability 0.5: denominator 2 × √2 × √0.5 = 2.
        // Changes −5, 0, +5 give rci −2.5, 0, +2.5: one each way, whichever direction is better.
        var s = PairedChange.Compute([4, 6, 8], [-1, 6, 13], 0.5, higherIsBetter);

        Assert.Equal((improved, deteriorated, unchanged), (s.Improved, s.Deteriorated, s.Unchanged));
    }

    [Theory]
    [InlineData(false, 1, 0)] // lower is better: −2.5 is an improvement
    [InlineData(true, 0, 1)]  // higher is better: −2.5 is a deterioration
    public void Rci_DirectionDecidesWhichWayCounts(bool higherIsBetter, int improved, int deteriorated)
    {
        var s = PairedChange.Compute([4, 6, 8], [-1, 6, 8], 0.5, higherIsBetter);

        Assert.Equal((improved, deteriorated, 2), (s.Improved, s.Deteriorated, s.Unchanged));
    }

    [Fact]
    public void OnePair_HasMeansButNoSpreadStatistics()
    {
        var s = PairedChange.Compute([5], [3], 0.72, false);

        Assert.Equal((1, 5.0, 3.0, -2.0), (s.N, s.MeanFrom, s.MeanTo, s.MeanChange));
        Assert.Null(s.SdChange);
        Assert.Null(s.CiLow);
        Assert.Null(s.PValue);
        Assert.Null(s.Dz);
        Assert.Null(s.Improved);
    }

    [Fact]
    public void NoPairs_GiveNullsNotZerosOrNaN()
    {
        var s = PairedChange.Compute([], [], 0.72, false);

        Assert.Equal(0, s.N);
        Assert.Null(s.MeanFrom);
        Assert.Null(s.MeanChange);
    }

    [Fact]
    public void IdenticalChanges_HaveNoTest_AsInR()
    {
        // R: t.test stops with "data are essentially constant".
        var s = PairedChange.Compute([3, 4, 5], [4, 5, 6], 0.72, false);

        Assert.Equal(0.0, s.SdChange);
        Assert.Null(s.PValue);
        Assert.Null(s.Dz);
    }
}
