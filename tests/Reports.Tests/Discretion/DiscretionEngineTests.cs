using Evaluation.Reports.Discretion;

namespace Evaluation.Reports.Tests.Discretion;

public class DiscretionEngineTests
{
    [Fact]
    public void Decide_HidesASecondPart_WhenATotalWouldGiveASmallPartAway()
    {
        // The example: total 20, visible parts 5, 6, 5 and Randers "<5" gives 4 back.
        var engine = new DiscretionEngine(5);
        var parts = new[] { 5, 6, 5, 4 }.Select((v, i) => engine.Count($"m{i}", v)).ToList();
        var total = engine.Count("all", 20, protect: true);
        engine.Sum(total, parts);

        engine.Decide();

        Assert.Equal(Mark.Small, parts[3].Mark);
        Assert.Equal(Mark.Shown, total.Mark);
        Assert.Single(parts, p => p.Mark == Mark.Hidden);
        Assert.Empty(Attacker.Recovered(engine.Cells, engine.Relations, DiscretionEngine.SeenOf, 5, engine.Sensitive));
        Assert.Empty(engine.Unresolved);
    }

    [Fact]
    public void Decide_HidesTheShare_WhenItsNumeratorIsOneToFour()
    {
        // n 22 and 4.5% gives 1 back.
        var engine = new DiscretionEngine(5);
        var n = engine.Count("n", 22);
        var share = engine.Share("share", 1 / 22.0, 3, engine.Latent("high", 1), n);

        engine.Decide();

        Assert.Equal(Mark.Small, share.Mark);
        Assert.Equal(Mark.Shown, n.Mark);
        Assert.Equal(SuppressionRule.SmallNumerator, share.Rule);
    }

    [Fact]
    public void Decide_HidesTheStatistics_WhenTheirNMustBeHidden()
    {
        // Row: n = improved + worse + unchanged with improved 2: a second count must go. The n costs
        // more than a part, so a part goes; if an n goes, its mean goes with it.
        var engine = new DiscretionEngine(5);
        var n = engine.Count("n", 30, cost: 3);
        var mean = engine.Statistic("mean", 1.25, 2, [n]);
        var parts = new[] { 2, 8, 20 }.Select((v, i) => engine.Count($"p{i}", v)).ToList();
        engine.Sum(n, parts);

        engine.Decide();

        Assert.Equal(Mark.Shown, n.Mark);
        Assert.Equal(Mark.Shown, mean.Mark);
        Assert.Equal(Mark.Hidden, parts[1].Mark); // the smaller of the two that could go
        Assert.Empty(Attacker.Recovered(engine.Cells, engine.Relations, DiscretionEngine.SeenOf, 5, engine.Sensitive));
    }

    [Fact]
    public void Decide_ProtectsPersonsBehindShares_AcrossMunicipalities()
    {
        // ALL's share × n gives its persons; minus the municipalities' shown persons gives a small one's.
        var engine = new DiscretionEngine(5);
        var ns = new[] { 20, 30, 25 }.Select((v, i) => engine.Count($"n{i}", v)).ToList();
        int[] high = [2, 10, 6];
        var latents = high.Select((v, i) => engine.Latent($"h{i}", v)).ToList();
        var shares = latents.Select((l, i) => engine.Share($"s{i}", (double)high[i] / ns[i].Value!.Value, 3, l, ns[i])).ToList();
        var nAll = engine.Count("nAll", 75, protect: true);
        var hAll = engine.Latent("hAll", 18);
        engine.Share("sAll", 18 / 75.0, 3, hAll, nAll);
        engine.Sum(nAll, ns);
        engine.Sum(hAll, latents);

        engine.Decide();

        Assert.Equal(Mark.Small, shares[0].Mark);
        Assert.Empty(Attacker.Recovered(engine.Cells, engine.Relations, DiscretionEngine.SeenOf, 5, engine.Sensitive));
    }

    [Theory]
    [InlineData(6, true)] // printed exactly, as the old workbooks stored it: 177/28 pins n = 28
    [InlineData(2, false)] // printed to two decimals, as now: 6.32 also fits 158/25
    public void Attacker_PinsAHiddenN_FromAMeanOfWholeNumbers_OnlyWhenPrintedPrecisely(int decimals, bool pinned)
    {
        // n lies between 25 and 29 (a hidden 28 beside a "<5" in a total of 29).
        var engine = new DiscretionEngine(5);
        var n = engine.Count("n", 28);
        var mean = engine.Statistic("mean", 177 / 28.0, decimals, [n], granularity: 1);
        var total = engine.Count("total", 29);
        engine.Sum(total, [n, engine.Count("one", 1)]);

        var bounds = Attacker.Bounds(engine.Cells, engine.Relations,
            c => c == n ? new Seen(Mark.Hidden, null) : c.Key == "one" ? new Seen(Mark.Small, null) : new Seen(Mark.Shown, c.Rounded), 5);

        Assert.Equal(pinned, bounds[n.Id] == (28.0, 28.0));
        Assert.Equal(mean.Rounded, Math.Round(177 / 28.0, decimals));
    }
}
