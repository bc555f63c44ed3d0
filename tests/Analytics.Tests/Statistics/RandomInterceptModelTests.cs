using Evaluation.Analytics.Statistics;
using Evaluation.Analytics.Tests.Reference;

namespace Evaluation.Analytics.Tests.Statistics;

/// <summary>Against lme4::lmer(score ~ months * group_cti + (1 | course), REML = TRUE) (Reference/make-reference.R).</summary>
public class RandomInterceptModelTests
{
    private static readonly ReferenceTable Input = ReferenceTable.Load("lmm.input.csv");
    private static readonly ReferenceTable Expected = ReferenceTable.Load("lmm.expected.csv");
    private static readonly string[] Terms = ["(Intercept)", "months", "group_cti", "months:group_cti"];

    private static MixedModelFit Fit(string name) => RandomInterceptModel.Fit(Input.Where("case", name).Select(r =>
    {
        double months = Input.Number(r, "months"), cti = Input.Number(r, "group_cti");
        return (Input.Text(r, "course"), new[] { 1, months, cti, months * cti }, Input.Number(r, "score"));
    }).ToList())!;

    [Theory]
    [InlineData("typical")]
    [InlineData("boundary")]
    public void Fit_AgreesWithLmer(string name)
    {
        var fit = Fit(name);
        var expected = Expected.Where("case", name).ToDictionary(r => Expected.Text(r, "term"));

        for (int i = 0; i < Terms.Length; i++)
        {
            Close.Equal(Expected.Number(expected[Terms[i]], "estimate"), fit.Fixed[i], 1e-6, $"{name} {Terms[i]}");
            Close.Equal(Expected.Number(expected[Terms[i]], "se"), fit.StandardErrors[i], 1e-5, $"{name} se {Terms[i]}");
        }

        Close.Equal(Expected.Number(expected["var_residual"], "estimate"), fit.VarianceResidual, 1e-5, $"{name} residual variance");
        if (name == "boundary")
        {
            Assert.Equal(0, fit.VarianceCluster); // lme4: singular fit, variance at the boundary
        }
        else
        {
            Close.Equal(Expected.Number(expected["var_course"], "estimate"), fit.VarianceCluster, 1e-5, $"{name} course variance");
        }
    }

    [Fact]
    public void Fit_IsNull_WhenAGroupColumnIsConstant()
    {
        // Only CTI courses: group_cti and months × group_cti repeat the intercept and months.
        var rows = Enumerable.Range(0, 20).Select(i => ($"C{i / 2}", new double[] { 1, i % 2 * 3, 1, i % 2 * 3 }, (double)i)).ToList();

        Assert.Null(RandomInterceptModel.Fit(rows));
    }
}
