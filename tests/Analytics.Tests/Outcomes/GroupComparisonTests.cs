using Evaluation.Analytics.Outcomes;
using Evaluation.Analytics.Statistics;
using Evaluation.Analytics.Tests.Reference;
using Evaluation.Analytics.Tests.Statistics;

namespace Evaluation.Analytics.Tests.Outcomes;

/// <summary>Against glm(family = binomial) and the weighting done in R (Reference/make-reference.R).</summary>
public class GroupComparisonTests
{
    private static readonly ReferenceTable Input = ReferenceTable.Load("ipw.input.csv");
    private static readonly ReferenceTable Expected = ReferenceTable.Load("ipw.expected.csv");
    private static readonly string[] Covariates = ["age", "children", "baseline", "m_kobenhavn", "m_odense"];

    private static List<GroupComparison.Unit> Units() => Input.Rows
        .Select(r => new GroupComparison.Unit(Covariates.Select(c => Input.Number(r, c)).ToArray(), Input.Number(r, "cti") == 1, Input.Number(r, "change")))
        .ToList();

    private static double ExpectedValue(string term, string column = "before") => Expected.Number(Expected.Where("term", term).Single(), column);

    [Fact]
    public void LogisticRegression_AgreesWithGlm()
    {
        var units = Units();
        var beta = LogisticRegression.Fit(units.Select(u => u.Covariates).ToList(), units.Select(u => u.Cti ? 1.0 : 0.0).ToList())!;

        string[] terms = ["(Intercept)", .. Covariates];
        for (int i = 0; i < terms.Length; i++)
        {
            Close.Equal(ExpectedValue("coef_" + terms[i]), beta[i], 1e-7, terms[i]);
        }
    }

    [Fact]
    public void Compare_AgreesWithR_OnAteAndBalance()
    {
        var row = new GroupComparison(new OutcomeSettings { BootstrapResamples = 200 }).Compare("X", Covariates, Units());

        Close.Equal(ExpectedValue("ate"), row.Ate, 1e-7, "ate");
        foreach (var c in Covariates)
        {
            Close.Equal(ExpectedValue(c, "before"), row.SmdBefore[c], 1e-7, "smd before " + c);
            Close.Equal(ExpectedValue(c, "after"), row.SmdAfter[c], 1e-5, "smd after " + c);
        }

        Assert.True(row.CiLow < row.Ate && row.Ate < row.CiHigh);
        Assert.Equal((Input.Rows.Count(r => Input.Number(r, "cti") == 1), Input.Rows.Count(r => Input.Number(r, "cti") == 0)), (row.NCti, row.NKr));
    }

    [Fact]
    public void Bootstrap_IsReproducibleWithTheSameSeed_AndDiffersWithAnother()
    {
        var units = Units();
        var a = new GroupComparison(new OutcomeSettings { BootstrapResamples = 100, BootstrapSeed = 1 }).Compare("X", Covariates, units);
        var b = new GroupComparison(new OutcomeSettings { BootstrapResamples = 100, BootstrapSeed = 1 }).Compare("X", Covariates, units);
        var c = new GroupComparison(new OutcomeSettings { BootstrapResamples = 100, BootstrapSeed = 2 }).Compare("X", Covariates, units);

        Assert.Equal((a.CiLow, a.CiHigh), (b.CiLow, b.CiHigh));
        Assert.NotEqual(a.CiLow, c.CiLow);
    }

    [Fact]
    public void Compare_WithOneGroupOnly_IsNull()
    {
        var units = Units().Where(u => u.Cti).ToList();

        var row = new GroupComparison(new OutcomeSettings()).Compare("X", Covariates, units);

        Assert.Null(row.Ate);
        Assert.Null(row.CiLow);
        Assert.All(row.SmdAfter.Values, Assert.Null);
    }

    [Theory]
    [InlineData("1990-06-15", "2024-06-14", 33)]
    [InlineData("1990-06-15", "2024-06-15", 34)]
    [InlineData("1992-02-29", "2024-02-28", 31)]
    public void AgeInWholeYears_CountsBirthdays(string birth, string on, int age) =>
        Assert.Equal(age, GroupComparison.AgeInWholeYears(Build.D(birth), Build.D(on)));
}
