using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Values;
using Evaluation.Reports.Charts;

namespace Evaluation.Reports.Tests.Charts;

/// <summary>Each chart type renders to a real PNG, written to a folder a person can look at.</summary>
public sealed class ChartRendererTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "evaluation-chart-tests");
    private readonly ChartRenderer renderer = new(new Labels("da"), new Disclosure(5));

    private static void AssertPng(byte[] png, string name)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(Path.Combine(Folder, name + ".png"), png);
        Assert.True(png.Length > 10_000, $"{name}: {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
    }

    [Fact]
    public void Change_RendersWithIntervals() =>
        AssertPng(renderer.Change("WHO5", fixture.Input.Outcomes.Change.Where(r => r.Municipality == OutcomesCalculator.All)), "change");

    [Fact]
    public void Loneliness_RendersWithTheReferenceLine() =>
        AssertPng(renderer.Loneliness(fixture.Input.Outcomes.LonelinessHigh.Where(r => r.Municipality == OutcomesCalculator.All), 0.12), "loneliness");

    [Fact]
    public void Survival_RendersStepCurvesWithBands() =>
        AssertPng(renderer.Survival("Bolig", "Andel (%)", fixture.Input.Housing.Curve(OutcomesCalculator.All, Group.Cti), fixture.Input.Housing.Curve(OutcomesCalculator.All, Group.Kr), cumulative: false), "survival");

    [Fact]
    public void FidelityPerWorker_RendersWithBandLimits() =>
        AssertPng(renderer.FidelityPerWorker(fixture.Input.Fidelity.Workers, new FidelityThresholds()), "fidelity");
}
