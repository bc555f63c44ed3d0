using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Analytics.Statistics;
using ScottPlot;

namespace Evaluation.Reports.Charts;

/// <summary>
/// The report charts (SPEC §7), drawn with ScottPlot as PNG: change per instrument with 95%
/// intervals, high-loneliness share per wave against the reference, Kaplan–Meier step curves with
/// confidence bands, fidelity per worker with the band limits. Groups or points on fewer than k
/// persons are not drawn (discretion).
/// </summary>
public sealed class ChartRenderer(Labels labels, Disclosure disclosure)
{
    public const int Width = 900;
    public const int Height = 520;
    private static readonly Color Cti = new(0x1f, 0x77, 0xb4);
    private static readonly Color Kr = new(0xd6, 0x27, 0x28);
    private static readonly string[] Waves = ["m3", "m6", "end", "followup"];

    /// <summary>Mean change from baseline to each later wave, CTI beside KR, with 95% intervals.</summary>
    public byte[] Change(string instrument, IEnumerable<ChangeRow> rows)
    {
        var plot = NewPlot(labels.Format("chart.change.title", instrument), labels["chart.change.x"], labels.Format("chart.change.y", instrument));
        var list = rows.Where(r => r.Instrument == instrument).ToList();
        foreach (var (group, color, offset) in new[] { ("CTI", Cti, -0.12), ("KR", Kr, 0.12) })
        {
            var points = Waves.Select((w, i) => (i, row: list.FirstOrDefault(r => r.Group == group && r.To == w)))
                .Where(p => p.row is { MeanChange: not null, CiLow: not null } && p.row.N >= disclosure.Threshold)
                .ToList();
            if (points.Count == 0)
            {
                continue;
            }

            double[] xs = points.Select(p => p.i + offset).ToArray();
            double[] ys = points.Select(p => p.row!.MeanChange!.Value).ToArray();
            var errors = plot.Add.ErrorBar(xs, ys, points.Select(p => p.row!.MeanChange!.Value - p.row.CiLow!.Value).ToArray());
            errors.YErrorNegative = points.Select(p => p.row!.MeanChange!.Value - p.row.CiLow!.Value).ToArray();
            errors.YErrorPositive = points.Select(p => p.row!.CiHigh!.Value - p.row.MeanChange!.Value).ToArray();
            errors.Color = color;
            errors.LineWidth = 2;
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LineWidth = 0;
            scatter.MarkerSize = 10;
            scatter.LegendText = group;
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, Waves.Length).Select(i => (double)i).ToArray(), Waves.Select(w => labels["wave." + w]).ToArray());
        plot.Axes.SetLimitsX(-0.6, Waves.Length - 0.4);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    /// <summary>The share with high loneliness at each wave, CTI and KR, and the national reference as a line.</summary>
    public byte[] Loneliness(IEnumerable<LonelinessRow> rows, double? reference)
    {
        var plot = NewPlot(labels["chart.loneliness.title"], labels["chart.loneliness.x"], labels["chart.loneliness.y"]);
        string[] waves = ["baseline", "m3", "m6", "end", "followup"];
        var list = rows.ToList();
        foreach (var (group, color, offset) in new[] { ("CTI", Cti, -0.17), ("KR", Kr, 0.17) })
        {
            var bars = waves.Select((w, i) => (i, row: list.FirstOrDefault(r => r.Group == group && r.Wave == w)))
                .Where(p => p.row is { Share: not null } && p.row.N >= disclosure.Threshold)
                .Select(p => new Bar { Position = p.i + offset, Value = 100 * p.row!.Share!.Value, FillColor = color, Size = 0.32 })
                .ToList();
            if (bars.Count > 0)
            {
                var barPlot = plot.Add.Bars(bars);
                barPlot.LegendText = group;
            }
        }

        if (reference is { } r)
        {
            var line = plot.Add.HorizontalLine(100 * r, 2, Colors.Black, LinePattern.Dashed);
            line.LegendText = labels["chart.loneliness.reference"];
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, waves.Length).Select(i => (double)i).ToArray(), waves.Select(w => labels["wave." + w]).ToArray());
        plot.Axes.SetLimits(-0.6, waves.Length - 0.4, 0, 100);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    /// <summary>Kaplan–Meier step curves with their 95% bands; as cumulative incidence (1 − S) when asked.</summary>
    public byte[] Survival(string title, string yLabel, KaplanMeier cti, KaplanMeier kr, bool cumulative)
    {
        var plot = NewPlot(title, labels["chart.survival.x"], yLabel);
        foreach (var (group, km, color) in new[] { ("CTI", cti, Cti), ("KR", kr, Kr) })
        {
            if (km.N < disclosure.Threshold)
            {
                continue;
            }

            // Steps from day 0 to the end of follow-up.
            var points = new List<SurvivalPoint> { new(0, 1, 0, 1, 1) };
            points.AddRange(km.Curve);
            points.Add(km.At(km.MaxTime) ?? points[^1] with { Time = km.MaxTime });
            double[] xs = points.Select(p => p.Time).ToArray();
            double Y(double s) => 100 * (cumulative ? 1 - s : s);
            double[] ys = points.Select(p => Y(p.Survival)).ToArray();
            double[] low = points.Select(p => Y(cumulative ? p.Upper ?? p.Survival : p.Lower ?? p.Survival)).ToArray();
            double[] high = points.Select(p => Y(cumulative ? p.Lower ?? p.Survival : p.Upper ?? p.Survival)).ToArray();

            // A step band: each value holds until the next time.
            var (bx, blow, bhigh) = Steps(xs, low, high);
            var band = plot.Add.FillY(bx, blow, bhigh);
            band.FillColor = color.WithAlpha(0.18);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(xs, ys, color);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = $"{group} (n = {km.N})";
        }

        plot.Axes.SetLimitsY(0, 100);
        plot.Axes.SetLimitsX(0, 730);
        plot.ShowLegend(cumulative ? Alignment.UpperLeft : Alignment.LowerLeft);
        return Png(plot);
    }

    /// <summary>Fidelity per worker (courses with a score ≥ k), with the band limits as lines.</summary>
    public byte[] FidelityPerWorker(IEnumerable<WorkerFidelity> workers, FidelityThresholds thresholds)
    {
        var plot = NewPlot(labels["chart.fidelity.title"], labels["chart.fidelity.x"], labels["chart.fidelity.y"]);
        var shown = workers.Where(w => w.Fidelity is not null && w.Courses >= disclosure.Threshold).OrderBy(w => w.WorkerId, StringComparer.Ordinal).ToList();
        var bars = shown.Select((w, i) => new Bar
        {
            Position = i,
            Value = w.Fidelity!.Value,
            FillColor = w.Fidelity >= thresholds.HighBand ? new Color(0x2c, 0xa0, 0x2c) : w.Fidelity >= thresholds.ModerateBand ? new Color(0xff, 0xbb, 0x33) : Kr,
            Size = 0.7,
        }).ToList();
        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }

        var high = plot.Add.HorizontalLine(thresholds.HighBand, 1.5f, Colors.DarkGreen, LinePattern.Dashed);
        high.LegendText = labels.Format("chart.fidelity.high", thresholds.HighBand);
        var moderate = plot.Add.HorizontalLine(thresholds.ModerateBand, 1.5f, Colors.DarkOrange, LinePattern.Dashed);
        moderate.LegendText = labels.Format("chart.fidelity.moderate", thresholds.ModerateBand);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray(), shown.Select(w => w.WorkerId).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = shown.Count > 8 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = shown.Count > 8 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        // Room above 100 for the legend, so that it covers no bar.
        plot.Axes.SetLimits(-0.6, Math.Max(shown.Count, 1) - 0.4, 0, 118);
        plot.ShowLegend(Alignment.UpperRight, Orientation.Horizontal);
        return Png(plot);
    }

    private static (double[] X, double[] Low, double[] High) Steps(double[] xs, double[] low, double[] high)
    {
        var x = new List<double>();
        var l = new List<double>();
        var h = new List<double>();
        for (int i = 0; i < xs.Length; i++)
        {
            if (i > 0)
            {
                x.Add(xs[i]);
                l.Add(low[i - 1]);
                h.Add(high[i - 1]);
            }

            x.Add(xs[i]);
            l.Add(low[i]);
            h.Add(high[i]);
        }

        return (x.ToArray(), l.ToArray(), h.ToArray());
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
