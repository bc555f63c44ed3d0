using Evaluation.Analytics.Outcomes;
using Evaluation.Analytics.Tests.Reference;

namespace Evaluation.Analytics.Tests.Outcomes;

/// <summary>The boosted propensity model: deterministic, read correctly from ML.NET's trees, chosen by es.mean.</summary>
public class BoostedPropensityModelTests
{
    private static readonly ReferenceTable Input = ReferenceTable.Load("comparison.input.csv");

    private static List<GroupComparison.Unit> Units(string name) => Input.Where("case", name)
        .Select(r => new GroupComparison.Unit(Input.Text(r, "municipality"), Input.Number(r, "age"), Input.Number(r, "children"),
            Input.Number(r, "baseline"), Input.Number(r, "cti") == 1, Input.Number(r, "change")))
        .ToList();

    private static (Evaluation.Analytics.Statistics.IndicatorDesign Design, List<string> Columns) Design(string name)
    {
        var units = Units(name).Select(u => new PropensityUnit(u.Municipality, [u.Age, u.Children, u.Baseline], u.Cti)).ToList();
        var weighting = PropensityWeighting.Weigh(units, GroupComparison.CovariateNames, new LogisticPropensityModel());
        var columns = new List<string> { "intercept", "age", "children", "baseline" };
        columns.AddRange(weighting.Indicators.Select(PropensityWeighting.IndicatorName));
        return (PropensityWeighting.Design(units, weighting.Kept, 3, weighting.Indicators), columns);
    }

    [Fact]
    public void CompareWithMlNet_ReadsTheTreesAsMlNetPredicts()
    {
        var (design, _) = Design("one_group_municipality");

        var (ours, mlNet) = new BoostedPropensityModel(7).CompareWithMlNet(design, 60);

        for (int i = 0; i < ours.Length; i++)
        {
            Assert.Equal(mlNet[i], ours[i], 1e-5); // ML.NET's output is a float
        }
    }

    [Fact]
    public void Estimate_IsTheSame_OnEveryRun()
    {
        var (design, columns) = Design("national");

        var a = new BoostedPropensityModel(7).Estimate(design, columns, null, null);
        var b = new BoostedPropensityModel(7).Estimate(design, columns, null, null);

        Assert.Equal(a.Trees, b.Trees);
        Assert.Equal(a.Probabilities, b.Probabilities);
        Assert.InRange(a.Trees!.Value, BoostedPropensityModel.GridStep, BoostedPropensityModel.MaxTrees);
        Assert.All(a.Probabilities!, p => Assert.InRange(p, 0.0, 1.0));
    }

    [Fact]
    public void Compare_WithTheBoostedModel_ImprovesBalance()
    {
        var row = new GroupComparison(new OutcomeSettings { BootstrapResamples = 20, PropensityModel = PropensityModelKind.Boosted }).Compare("X", Units("national"));

        Assert.Equal("boosted", row.Model);
        Assert.NotNull(row.Ate);
        Assert.True(row.CiLow < row.CiHigh);
        Assert.Empty(row.Aliased);
        Assert.Equal(["M93", "M94", "M95", "M96", "M97"], row.ExcludedMunicipalities);
        double before = row.SmdBefore.Values.Where(v => v is not null).Average(v => Math.Abs(v!.Value));
        double after = row.SmdAfter.Values.Where(v => v is not null).Average(v => Math.Abs(v!.Value));
        Assert.True(after < before, $"mean |SMD| {before} before, {after} after");
        Assert.NotNull(row.EssCti);
        Assert.NotNull(row.VarianceRatioAfter["age"]);
    }
}
