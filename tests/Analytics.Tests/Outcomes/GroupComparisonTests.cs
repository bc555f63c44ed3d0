using Evaluation.Analytics.Outcomes;
using Evaluation.Analytics.Statistics;
using Evaluation.Analytics.Tests.Reference;
using Evaluation.Analytics.Tests.Statistics;

namespace Evaluation.Analytics.Tests.Outcomes;

/// <summary>Against glm(family = binomial) and the weighting done in R (Reference/make-reference.R, Reference/comparison-reference.R).</summary>
public class GroupComparisonTests
{
    private static readonly ReferenceTable Input = ReferenceTable.Load("ipw.input.csv");
    private static readonly ReferenceTable Expected = ReferenceTable.Load("ipw.expected.csv");
    private static readonly ReferenceTable CaseInput = ReferenceTable.Load("comparison.input.csv");
    private static readonly ReferenceTable CaseExpected = ReferenceTable.Load("comparison.expected.csv");
    private static readonly string[] Covariates = ["age", "children", "baseline", "m_kobenhavn", "m_odense"];

    private static List<GroupComparison.Unit> Units() => Input.Rows
        .Select(r => new GroupComparison.Unit(
            Input.Number(r, "m_kobenhavn") == 1 ? "København" : Input.Number(r, "m_odense") == 1 ? "Odense" : "Aalborg",
            Input.Number(r, "age"), Input.Number(r, "children"), Input.Number(r, "baseline"), Input.Number(r, "cti") == 1, Input.Number(r, "change")))
        .ToList();

    private static List<GroupComparison.Unit> CaseUnits(string name) => CaseInput.Where("case", name)
        .Select(r => new GroupComparison.Unit(CaseInput.Text(r, "municipality"), CaseInput.Number(r, "age"), CaseInput.Number(r, "children"),
            CaseInput.Number(r, "baseline"), CaseInput.Number(r, "cti") == 1, CaseInput.Number(r, "change")))
        .ToList();

    private static string? CaseText(string name, string term) => CaseExpected.Where("case", name).Where(r => CaseExpected.Text(r, "term") == term).Select(r => CaseExpected.Text(r, "value")).SingleOrDefault();

    private static double? CaseValue(string name, string term) => CaseText(name, term) is { } text && text != "NA" ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static double ExpectedValue(string term, string column = "before") => Expected.Number(Expected.Where("term", term).Single(), column);

    private static ComparisonRow CompareCase(string name, int resamples = 50) =>
        new GroupComparison(new OutcomeSettings { BootstrapResamples = resamples }).Compare("X", CaseUnits(name));

    [Fact]
    public void Compare_AgreesWithR_OnAteAndBalance()
    {
        var row = new GroupComparison(new OutcomeSettings { BootstrapResamples = 200 }).Compare("X", Units());

        Close.Equal(ExpectedValue("ate"), row.Ate, 1e-7, "ate");
        string[] keys = ["age", "children", "baseline", "municipality_København", "municipality_Odense"];
        for (int i = 0; i < keys.Length; i++)
        {
            Close.Equal(ExpectedValue(Covariates[i], "before"), row.SmdBefore[keys[i]], 1e-7, "smd before " + keys[i]);
            Close.Equal(ExpectedValue(Covariates[i], "after"), row.SmdAfter[keys[i]], 1e-5, "smd after " + keys[i]);
        }

        Assert.True(row.CiLow < row.Ate && row.Ate < row.CiHigh);
        Assert.Equal((Input.Rows.Count(r => Input.Number(r, "cti") == 1), Input.Rows.Count(r => Input.Number(r, "cti") == 0)), (row.NCti, row.NKr));
        Assert.Equal("logistic", row.Model);
        Assert.Null(row.Note);
    }

    [Theory]
    [InlineData("constant_children")]
    [InlineData("aliased_municipality")]
    [InlineData("one_group_municipality")]
    [InlineData("national")]
    public void Compare_AgreesWithGlmIpw_OnEachCase(string name)
    {
        var row = CompareCase(name);

        Close.Equal(CaseValue(name, "ate")!.Value, row.Ate, 1e-7, "ate");
        Assert.True(Math.Abs(CaseValue(name, "ate")!.Value - row.Ate!.Value) < 2e-3);
        Assert.Equal((int)CaseValue(name, "n_cti")!.Value, row.NCti);
        Assert.Equal((int)CaseValue(name, "n_kr")!.Value, row.NKr);
        Assert.Equal((int)CaseValue(name, "n_excluded")!.Value, row.NExcluded);
        Assert.Equal(Split(CaseText(name, "excluded")), row.ExcludedMunicipalities);
        Assert.Equal(Split(CaseText(name, "aliased")), row.Aliased);
        foreach (var (term, actual) in new[] { ("ess_cti", row.EssCti), ("ess_kr", row.EssKr), ("max_weight_cti", row.MaxWeightCti), ("max_weight_kr", row.MaxWeightKr) })
        {
            Close.Equal(CaseValue(name, term)!.Value, actual, 1e-9, term);
        }

        Close.Equal(CaseValue(name, "vr_age")!.Value, row.VarianceRatioAfter["age"], 1e-9, "variance ratio age");
        Close.Equal(CaseValue(name, "vr_baseline")!.Value, row.VarianceRatioAfter["baseline"], 1e-9, "variance ratio baseline");
        var smdTerms = CaseExpected.Where("case", name).Select(r => CaseExpected.Text(r, "term")).Where(t => t.StartsWith("smd_before_", StringComparison.Ordinal)).Select(t => t["smd_before_".Length..]).ToList();
        Assert.Equal(smdTerms.Order(StringComparer.Ordinal), row.SmdBefore.Keys.Order(StringComparer.Ordinal));
        foreach (var key in smdTerms)
        {
            AssertSame(CaseValue(name, "smd_before_" + key), row.SmdBefore[key], 1e-9, "smd before " + key);
            AssertSame(CaseValue(name, "smd_after_" + key), row.SmdAfter[key], 1e-7, "smd after " + key);
        }

        Assert.Equal(row.NCti, row.PropensityCti.Count);
        Assert.Equal(row.NKr, row.PropensityKr.Count);
        Assert.True(row.CiLow < row.Ate && row.Ate < row.CiHigh);
        Assert.Null(row.Note);
    }

    [Theory]
    [InlineData("constant_children")]
    [InlineData("aliased_municipality")]
    [InlineData("one_group_municipality")]
    [InlineData("national")]
    public void LogisticRegression_AgreesWithGlm_WhereIdentified(string name)
    {
        var units = CaseUnits(name).Select(u => new PropensityUnit(u.Municipality, [u.Age, u.Children, u.Baseline], u.Cti)).ToList();
        var weighting = PropensityWeighting.Weigh(units, GroupComparison.CovariateNames, new LogisticPropensityModel());
        var design = PropensityWeighting.Design(units, weighting.Kept, 3, weighting.Indicators);
        var columns = new List<string> { "intercept", "age", "children", "baseline" };
        columns.AddRange(weighting.Indicators.Select(PropensityWeighting.IndicatorName));

        var fit = LogisticRegression.Fit(design);

        Assert.True(fit.Converged);
        for (int j = 0; j < columns.Count; j++)
        {
            if (CaseValue(name, "coef_" + columns[j]) is { } expected)
            {
                Assert.True(Math.Abs(expected - fit.Coefficients[j]) <= 1e-6, $"{columns[j]}: expected {expected:R}, got {fit.Coefficients[j]:R}");
            }
            else
            {
                Assert.True(double.IsNaN(fit.Coefficients[j]), $"{columns[j]} should be aliased");
            }
        }
    }

    [Fact]
    public void LogisticRegression_AgreesWithGlm_OnTheFirstReference()
    {
        var units = Units().Select(u => new PropensityUnit(u.Municipality, [u.Age, u.Children, u.Baseline], u.Cti)).ToList();
        var weighting = PropensityWeighting.Weigh(units, GroupComparison.CovariateNames, new LogisticPropensityModel());
        var fit = LogisticRegression.Fit(PropensityWeighting.Design(units, weighting.Kept, 3, weighting.Indicators));

        string[] terms = ["(Intercept)", .. Covariates];
        for (int i = 0; i < terms.Length; i++)
        {
            Close.Equal(ExpectedValue("coef_" + terms[i]), fit.Coefficients[i], 1e-7, terms[i]);
        }
    }

    [Fact]
    public void Bootstrap_IsReproducibleWithTheSameSeed_AndDiffersWithAnother()
    {
        var units = Units();
        var a = new GroupComparison(new OutcomeSettings { BootstrapResamples = 100, BootstrapSeed = 1 }).Compare("X", units);
        var b = new GroupComparison(new OutcomeSettings { BootstrapResamples = 100, BootstrapSeed = 1 }).Compare("X", units);
        var c = new GroupComparison(new OutcomeSettings { BootstrapResamples = 100, BootstrapSeed = 2 }).Compare("X", units);

        Assert.Equal((a.CiLow, a.CiHigh), (b.CiLow, b.CiHigh));
        Assert.NotEqual(a.CiLow, c.CiLow);
    }

    [Fact]
    public void Compare_IsNullWithANote_WhenThereAreNoKrCourses()
    {
        var units = Units().Where(u => u.Cti).ToList();

        var row = new GroupComparison(new OutcomeSettings()).Compare("X", units);

        Assert.Null(row.Ate);
        Assert.Null(row.CiLow);
        Assert.All(row.SmdAfter.Values, Assert.Null);
        Assert.Equal("no KR courses", row.Note);
        Assert.Equal(units.Count, row.NCti);
        Assert.Null(row.EssCti);
    }

    [Fact]
    public void Compare_IsNullWithANote_WhenNoMunicipalityHasBothGroups()
    {
        var units = Units().Select(u => u with { Municipality = u.Cti ? "A" : "B" }).ToList();

        var row = new GroupComparison(new OutcomeSettings()).Compare("X", units);

        Assert.Null(row.Ate);
        Assert.Equal(["A", "B"], row.ExcludedMunicipalities);
        Assert.Equal(units.Count, row.NExcluded);
        Assert.Contains("common support", row.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_IsNullWithANote_UnderSeparation()
    {
        // Every CTI course is older than every KR course: the estimate does not exist.
        var units = Units().Select(u => u with { Age = u.Cti ? 50 + (u.Age % 7) : 20 + (u.Age % 7) }).ToList();

        var row = new GroupComparison(new OutcomeSettings { BootstrapResamples = 10 }).Compare("X", units);

        Assert.Null(row.Ate);
        Assert.Contains("did not converge (separation", row.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SaysSo_WhenMoreThanHalfTheResamplesFail()
    {
        // Municipality A has one CTI and one KR course, B only CTI courses (left out): a resample has
        // an estimate only when it draws both of A's courses, which happens in about 40% of resamples.
        var units = Units().Where(u => u.Cti).Take(20).Select(u => u with { Municipality = "B" }).ToList();
        units.Add(new GroupComparison.Unit("A", 40, 1, 5, true, -1));
        units.Add(new GroupComparison.Unit("A", 40, 1, 5, false, 0.5));

        var row = new GroupComparison(new OutcomeSettings { BootstrapResamples = 200 }).Compare("X", units);

        Assert.Equal(-1.5, row.Ate!.Value, 1e-12);
        Assert.Equal(["age", "children", "baseline"], row.Aliased);
        Assert.Contains("bootstrap resamples gave no estimate", row.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1990-06-15", "2024-06-14", 33)]
    [InlineData("1990-06-15", "2024-06-15", 34)]
    [InlineData("1992-02-29", "2024-02-28", 31)]
    public void AgeInWholeYears_CountsBirthdays(string birth, string on, int age) =>
        Assert.Equal(age, GroupComparison.AgeInWholeYears(Build.D(birth), Build.D(on)));

    private static string[] Split(string? text) => string.IsNullOrEmpty(text) ? [] : text.Split(';');

    private static void AssertSame(double? expected, double? actual, double relative, string what)
    {
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Close.Equal(expected.Value, actual, relative, what);
        }
    }
}
