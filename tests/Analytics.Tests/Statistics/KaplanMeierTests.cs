using Evaluation.Analytics.Statistics;
using Evaluation.Analytics.Tests.Reference;

namespace Evaluation.Analytics.Tests.Statistics;

/// <summary>Against R's summary(survfit(Surv(time, status) ~ 1), times = c(180, 365)) (Reference/make-reference.R).</summary>
public class KaplanMeierTests
{
    private static readonly ReferenceTable Input = ReferenceTable.Load("km.input.csv");
    private static readonly ReferenceTable Expected = ReferenceTable.Load("km.expected.csv");

    [Theory]
    [InlineData("ties", 180)]
    [InlineData("ties", 365)]
    [InlineData("random", 180)]
    [InlineData("random", 365)]
    [InlineData("censored_at_365", 180)]
    [InlineData("censored_at_365", 365)]
    public void At_AgreesWithSurvfit(string name, int time)
    {
        var km = new KaplanMeier(Input.Where("case", name).Select(r => (Input.Number(r, "time"), Input.Number(r, "status") == 1)).ToList());
        var e = Expected.Where("case", name).Single(r => Expected.Number(r, "time") == time);

        var point = km.At(time);

        Close.Equal(Expected.Number(e, "surv"), point?.Survival, 1e-9, $"{name} S({time})");
        Close.Equal(Expected.Number(e, "lower"), point?.Lower, 1e-9, $"{name} lower({time})");
        Close.Equal(Expected.Number(e, "upper"), point?.Upper, 1e-9, $"{name} upper({time})");
        Assert.Equal(((int)Expected.Number(e, "n"), (int)Expected.Number(e, "events")), (km.N, km.Events));
    }

    [Fact]
    public void EventsAtATime_ComeBeforeCensoringsAtThatTime()
    {
        // 4 at risk; at t = 10 one event and one censoring: S = 3/4 (the censored one was still at risk).
        var km = new KaplanMeier([(10, true), (10, false), (20, true), (30, false)]);

        Assert.Equal(0.75, km.At(10)!.Survival);
        Assert.Equal(0.375, km.At(25)!.Survival); // 3/4 × (1 − 1/2)
    }

    [Fact]
    public void At_BeyondTheLongestFollowUp_IsNull()
    {
        Assert.Null(new KaplanMeier([(10, true), (100, false)]).At(101));
        Assert.Null(new KaplanMeier([]).At(1));
    }
}
