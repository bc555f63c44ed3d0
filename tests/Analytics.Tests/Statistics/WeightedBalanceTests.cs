using Evaluation.Analytics.Statistics;

namespace Evaluation.Analytics.Tests.Statistics;

/// <summary>The diagnostics' formulas, against computations by hand.</summary>
public class WeightedBalanceTests
{
    [Fact]
    public void WeightedVariance_IsCobaltsUnbiasedFormula()
    {
        // x = 1, 2, 4 with weights 1, 1, 2 → v = 0.25, 0.25, 0.5; mean = 0.25 + 0.5 + 2 = 2.75;
        // Σv(x − mean)² = 0.25·3.0625 + 0.25·0.5625 + 0.5·1.5625 = 1.6875; Σv² = 0.375;
        // variance = 1.6875 / 0.625 = 2.7.
        Assert.Equal(2.7, WeightedBalance.WeightedVariance([1, 2, 4], [1, 1, 2])!.Value, 1e-12);
    }

    [Fact]
    public void WeightedVariance_IsTheSampleVariance_WithEqualWeights() =>
        Assert.Equal(Descriptive.Variance([3, 5, 9, 11]), WeightedBalance.WeightedVariance([3, 5, 9, 11], [0.25, 0.25, 0.25, 0.25])!.Value, 1e-12);

    [Fact]
    public void WeightedVariance_IsNull_WithAllWeightOnOneCourse() =>
        Assert.Null(WeightedBalance.WeightedVariance([3, 5], [1, 0]));

    [Fact]
    public void VarianceRatio_IsCtiOverKr()
    {
        // CTI as above (2.7); KR x = 0, 2 with equal weights: mean 1, Σv(x − 1)² = 1, Σv² = 0.5 → 2.
        Assert.Equal(1.35, WeightedBalance.VarianceRatio([1, 2, 4], [0.25, 0.25, 0.5], [0, 2], [0.5, 0.5])!.Value, 1e-12);
    }

    [Fact]
    public void EffectiveSampleSize_IsKish()
    {
        // (0.25 + 0.25 + 0.5)² / (0.0625 + 0.0625 + 0.25) = 1 / 0.375.
        Assert.Equal(1 / 0.375, WeightedBalance.EffectiveSampleSize([0.25, 0.25, 0.5]), 1e-12);
        Assert.Equal(4, WeightedBalance.EffectiveSampleSize([2, 2, 2, 2]), 1e-12);
    }

    [Fact]
    public void StandardisedMeanDifference_UsesThePooledUnweightedSd()
    {
        // CTI 1, 3 (var 2), KR 2, 4, 6 (var 4): pooled SD √3. Unweighted: (2 − 4)/√3; weighted CTI
        // (0, 1) → mean 3, KR (1, 0, 0) → mean 2: (3 − 2)/√3.
        Assert.Equal(-2 / Math.Sqrt(3), WeightedBalance.StandardisedMeanDifference([1, 3], [2, 4, 6])!.Value, 1e-12);
        Assert.Equal(1 / Math.Sqrt(3), WeightedBalance.StandardisedMeanDifference([1, 3], [2, 4, 6], [0, 1], [1, 0, 0])!.Value, 1e-12);
        Assert.Null(WeightedBalance.StandardisedMeanDifference([1, 1], [1, 1, 1]));
    }
}
