using Evaluation.Reports.Charts;

namespace Evaluation.Reports.Tests.Charts;

public class ChartRendererTests
{
    [Fact]
    public void DiscreetSteps_MergeEventTimes_UntilAStepHoldsFiveEvents()
    {
        // 20 followed; single events on days 10..16 (7 events), then censored.
        var observations = Enumerable.Range(10, 7).Select(d => ((double)d, true)).Concat(Enumerable.Range(0, 13).Select(_ => (400.0, false))).ToList();

        var steps = ChartRenderer.DiscreetSteps(observations, 5);

        // Day 0, one step at day 14 (the fifth event), then flat to the last time with ≥ 5 at risk.
        Assert.Equal([0.0, 14.0, 400.0], steps.Select(s => s.Time));
        Assert.Equal(15.0 / 20, steps[1].Survival, 12);
        Assert.Equal(steps[1].Survival, steps[2].Survival);
    }

    [Fact]
    public void DiscreetSteps_StopWhereFewerThanFiveRemainAtRisk()
    {
        // 8 followed: events on days 1..8, one each: five at risk last on day 4.
        var observations = Enumerable.Range(1, 8).Select(d => ((double)d, true)).ToList();

        var steps = ChartRenderer.DiscreetSteps(observations, 5);

        Assert.Equal(4.0, steps[^1].Time);
        Assert.Equal(1.0, steps[^1].Survival); // only 4 events by then: no step drawn
    }
}
