using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;
using static Evaluation.Analytics.Tests.Build;

namespace Evaluation.Analytics.Tests.Outcomes;

public class OutcomesCalculatorTests
{
    private static readonly OutcomesCalculator Calculator = new(InstrumentSet.Default, new OutcomeSettings { BootstrapResamples = 50, LonelinessReference = 0.2 });

    [Fact]
    public void AnInstrumentWithNoData_GivesNulls_NotZeroOrNaN()
    {
        var report = Calculator.Calculate(Data([Course()]), D("2025-01-01"));

        var row = report.Change.Single(r => r.Instrument == "WHO5" && r.Municipality == "ALL" && r.Group == "CTI" && r.To == "end");
        Assert.Equal(0, row.N);
        Assert.Null(row.MeanChange);
        Assert.Null(row.PValue);
        var trajectory = report.Trajectory.Single(t => t.Instrument == "WHO5" && t.Municipality == "ALL");
        Assert.Null(trajectory.Fixed.Intercept);
        Assert.Null(report.Comparison.Single(c => c.Instrument == "WHO5").Ate);
    }

    [Fact]
    public void Comparison_AndAdjustedSurvival_SayWhy_WhenThereIsNoEstimate()
    {
        var report = Calculator.Calculate(Data([Course()]), D("2025-01-01"));

        var comparison = report.Comparison.Single(c => c.Instrument == "WHO5");
        Assert.Equal(("logistic", "no courses with valid baseline and end scores"), (comparison.Model, comparison.Note));
        Assert.Equal(["CTI", "KR"], report.HousingRetentionAdjusted.Select(r => r.Group));
        Assert.All(report.HousingRetentionAdjusted, r => Assert.Null(r.S365));
        Assert.Equal(["CTI", "KR"], report.RepeatShelterAdjusted.Select(r => r.Group));
        Assert.All(report.RepeatShelterAdjusted, r => Assert.Null(r.Cuminc365));
    }

    [Fact]
    public void Change_PairsBaselineWithTheLaterWave_PerMunicipalityAndGroup()
    {
        (string, double)[] Lonely(int a, int b, int c) => [("lon1", a), ("lon2", b), ("lon3", c)];
        var data = Data(
            [Course("A", municipality: "X"), Course("B", municipality: "Y"), Course("C", municipality: "X", group: Group.Kr)],
            answers: [
                Answer("A", Wave.Baseline, "2024-01-10", Lonely(3, 3, 2)), Answer("A", Wave.End, "2024-10-10", Lonely(1, 2, 2)),
                Answer("B", Wave.Baseline, "2024-01-10", Lonely(2, 2, 2)), Answer("B", Wave.End, "2024-10-10", Lonely(2, 2, 1)),
                Answer("C", Wave.Baseline, "2024-01-10", Lonely(3, 3, 3)), // no end wave: not paired
            ]);

        var report = Calculator.Calculate(data, D("2025-01-01"));

        var all = report.Change.Single(r => r.Instrument == "LONELY3" && r.Municipality == "ALL" && r.Group == "CTI" && r.To == "end");
        Assert.Equal((2, 7.0, 5.0, -2.0), (all.N, all.MeanFrom!.Value, all.MeanTo!.Value, all.MeanChange!.Value)); // (8 + 6) / 2 → (5 + 5) / 2
        var x = report.Change.Single(r => r.Instrument == "LONELY3" && r.Municipality == "X" && r.Group == "CTI" && r.To == "end");
        Assert.Equal(1, x.N); // a group with n = 1: means, no spread statistics
        Assert.Null(x.SdChange);
        Assert.Equal(0, report.Change.Single(r => r.Instrument == "LONELY3" && r.Municipality == "X" && r.Group == "KR" && r.To == "end").N);
    }

    [Fact]
    public void LonelinessHigh_IsTheShareAtSevenOrMore_BesideTheReference()
    {
        var data = Data(
            [Course("A"), Course("B"), Course("C")],
            answers: [
                Answer("A", Wave.Baseline, "2024-01-10", ("lon1", 3), ("lon2", 2), ("lon3", 2)), // 7: high
                Answer("B", Wave.Baseline, "2024-01-10", ("lon1", 2), ("lon2", 2), ("lon3", 2)), // 6
                Answer("C", Wave.Baseline, "2024-01-10", ("lon1", 3), ("lon2", 3)),               // not valid: 2 of 3 items
            ]);

        var row = Calculator.Calculate(data, D("2025-01-01")).LonelinessHigh.Single(r => r.Municipality == "ALL" && r.Group == "CTI" && r.Wave == "baseline");

        Assert.Equal((2, 0.5, 0.2), (row.N, row.Share!.Value, row.Reference!.Value));
    }

    [Fact]
    public void LonelinessReference_IsTheNationalHealthProfiles12Point4Percent_ByDefault()
    {
        Assert.Equal(0.124, new OutcomeSettings().LonelinessReference);
    }

    [Fact]
    public void AnswersAfterTheAsOfDate_AreNotYetKnown()
    {
        var data = Data([Course()], answers: [Answer("C1", Wave.Baseline, "2024-01-10", ("viol", 1)), Answer("C1", Wave.M3, "2024-04-10", ("viol", 0))]);

        var safety = Calculator.Calculate(data, D("2024-04-09")).Safety.Where(r => r.Municipality == "ALL" && r.Group == "CTI").ToDictionary(r => r.Wave);

        Assert.Equal((1, 1.0), (safety["baseline"].N, safety["baseline"].Share!.Value));
        Assert.Equal(0, safety["m3"].N);
        Assert.Null(safety["m3"].Share);
    }
}
