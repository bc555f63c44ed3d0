using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Reports.Discretion;
using ScottPlot;

namespace Evaluation.Reports.Charts;

/// <summary>
/// The report charts (SPEC §7), drawn with ScottPlot as PNG, numbers on the axes in the report's
/// language (decimal commas in Danish). Charts show only what the tables may (§7 rule 3): a point
/// or bar is drawn only when its cell is shown, a group only from 5 persons, and Kaplan–Meier steps
/// stand for at least 5 events each and stop where fewer than 5 remain at risk.
/// </summary>
public sealed class ChartRenderer(Labels labels, int threshold)
{
    public const int Width = 900;
    public const int Height = 520;
    private static readonly Color Cti = new(0x1f, 0x77, 0xb4);
    private static readonly Color Kr = new(0xd6, 0x27, 0x28);
    private static readonly string[] LaterWaves = ["m3", "m6", "end", "followup"];
    private static readonly string[] AllWaves = ["baseline", "m3", "m6", "end", "followup"];

    private string GroupName(string group) => group == "CTI" ? "CTI" : "KR";

    /// <summary>Mean change from the start to each later wave, CTI beside KR, with 95% intervals; only shown cells.</summary>
    internal byte[]? Change(string instrument, IEnumerable<(string Group, string To, DiscretionCell Mean, DiscretionCell Low, DiscretionCell High)> points)
    {
        var list = points.Where(p => Shown(p.Mean) && Shown(p.Low) && Shown(p.High)).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var plot = NewPlot(labels.Format("chart.change.title", instrument), labels["chart.change.x"], labels.Format("chart.change.y", instrument));
        foreach (var (group, color, offset) in new[] { ("CTI", Cti, -0.12), ("KR", Kr, 0.12) })
        {
            var mine = list.Where(p => p.Group == group).OrderBy(p => Array.IndexOf(LaterWaves, p.To)).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            double[] xs = mine.Select(p => Array.IndexOf(LaterWaves, p.To) + offset).ToArray();
            double[] ys = mine.Select(p => p.Mean.Rounded!.Value).ToArray();
            var errors = plot.Add.ErrorBar(xs, ys, mine.Select(p => p.Mean.Rounded!.Value - p.Low.Rounded!.Value).ToArray());
            errors.YErrorNegative = mine.Select(p => p.Mean.Rounded!.Value - p.Low.Rounded!.Value).ToArray();
            errors.YErrorPositive = mine.Select(p => p.High.Rounded!.Value - p.Mean.Rounded!.Value).ToArray();
            errors.Color = color;
            errors.LineWidth = 2;
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LineWidth = 0;
            scatter.MarkerSize = 10;
            scatter.LegendText = GroupName(group);
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        WaveAxis(plot, LaterWaves);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    /// <summary>A share per wave, CTI and KR as bars in percent, and a reference line when given; only shown cells.</summary>
    internal byte[]? Shares(string title, string yLabel, IEnumerable<(string Group, string Wave, DiscretionCell Share)> points, double? reference)
    {
        var list = points.Where(p => Shown(p.Share)).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var plot = NewPlot(title, labels["chart.wave"], yLabel);
        foreach (var (group, color, offset) in new[] { ("CTI", Cti, -0.17), ("KR", Kr, 0.17) })
        {
            var bars = list.Where(p => p.Group == group)
                .Select(p => new Bar { Position = Array.IndexOf(AllWaves, p.Wave) + offset, Value = 100 * p.Share.Rounded!.Value, FillColor = color, Size = 0.32 }).ToList();
            if (bars.Count > 0)
            {
                plot.Add.Bars(bars).LegendText = GroupName(group);
            }
        }

        if (reference is { } r)
        {
            plot.Add.HorizontalLine(100 * r, 2, Colors.Black, LinePattern.Dashed).LegendText = labels["chart.loneliness.reference"];
        }

        WaveAxis(plot, AllWaves);
        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    /// <summary>The mixed model's predicted mean per group over the first 12 months.</summary>
    internal byte[]? Trajectory(string instrument, FixedEffects effects)
    {
        if (effects is not { Intercept: { } a, Months: { } b, GroupCti: { } g, MonthsGroupCti: { } gm })
        {
            return null;
        }

        var plot = NewPlot(labels.Format("chart.trajectory.title", instrument), labels["chart.months"], labels.Format("chart.trajectory.y", instrument));
        double[] months = Enumerable.Range(0, 13).Select(m => (double)m).ToArray();
        var kr = plot.Add.Scatter(months, months.Select(m => a + (b * m)).ToArray(), Kr);
        kr.LegendText = "KR";
        kr.MarkerSize = 0;
        kr.LineWidth = 2;
        var cti = plot.Add.Scatter(months, months.Select(m => a + g + ((b + gm) * m)).ToArray(), Cti);
        cti.LegendText = "CTI";
        cti.MarkerSize = 0;
        cti.LineWidth = 2;
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    /// <summary>Standardised mean differences before and after weighting per covariate (a love plot), with the usual 0.1 limits.</summary>
    internal byte[]? LovePlot(string title, IReadOnlyList<(string Covariate, double Before, double After)> balance)
    {
        if (balance.Count == 0)
        {
            return null;
        }

        var plot = NewPlot(labels.Format("chart.love.title", title), labels["chart.love.x"], "");
        double[] ys = Enumerable.Range(0, balance.Count).Select(i => (double)(balance.Count - 1 - i)).ToArray();
        var before = plot.Add.Scatter(balance.Select(b => Math.Abs(b.Before)).ToArray(), ys, Colors.Gray);
        before.LineWidth = 0;
        before.MarkerSize = 9;
        before.LegendText = labels["chart.love.before"];
        var after = plot.Add.Scatter(balance.Select(b => Math.Abs(b.After)).ToArray(), ys, Cti);
        after.LineWidth = 0;
        after.MarkerSize = 9;
        after.MarkerShape = MarkerShape.FilledSquare;
        after.LegendText = labels["chart.love.after"];
        plot.Add.VerticalLine(0.1, 1, Colors.Black, LinePattern.Dashed);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ys, balance.Select(b => b.Covariate).ToArray());
        plot.Axes.SetLimitsY(-0.7, balance.Count - 0.3);
        plot.ShowLegend(Alignment.LowerRight);
        return Png(plot, Math.Max(Height, 60 + (22 * balance.Count)));
    }

    /// <summary>The propensity scores of each group as smoothed densities (no bin counts to read), drawn only when both groups have 5 or more.</summary>
    internal byte[]? Overlap(string title, IReadOnlyList<double> cti, IReadOnlyList<double> kr)
    {
        if (cti.Count < threshold || kr.Count < threshold)
        {
            return null;
        }

        var plot = NewPlot(labels.Format("chart.overlap.title", title), labels["chart.overlap.x"], labels["chart.overlap.y"]);
        double[] xs = Enumerable.Range(0, 101).Select(i => i / 100.0).ToArray();
        foreach (var (group, scores, color) in new[] { ("CTI", cti, Cti), ("KR", kr, Kr) })
        {
            double mean = scores.Average(); // once: recomputing it per score made the chart quadratic in the courses compared
            double sd = Math.Sqrt(scores.Select(s => (s - mean) * (s - mean)).Sum() / Math.Max(1, scores.Count - 1));
            double h = Math.Max(0.02, 1.06 * sd * Math.Pow(scores.Count, -0.2)); // Silverman's rule
            double[] density = xs.Select(x => scores.Sum(s => Math.Exp(-0.5 * ((x - s) / h) * ((x - s) / h))) / (scores.Count * h * Math.Sqrt(2 * Math.PI))).ToArray();
            var line = plot.Add.Scatter(xs, density, color);
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = GroupName(group);
        }

        plot.Axes.SetLimitsX(0, 1);
        plot.ShowLegend(Alignment.UpperCenter);
        return Png(plot);
    }

    /// <summary>
    /// Kaplan–Meier step curves (as cumulative incidence 1 − S when asked) for the groups given.
    /// Consecutive event times are merged until a step stands for at least 5 events, and each curve
    /// stops where fewer than 5 remain at risk.
    /// </summary>
    internal byte[]? Survival(string title, string yLabel, IReadOnlyList<(double Time, bool Event)>? cti, IReadOnlyList<(double Time, bool Event)>? kr, bool cumulative)
    {
        var curves = new[] { ("CTI", cti, Cti), ("KR", kr, Kr) }.Where(c => c.Item2 is { } o && o.Count >= threshold).ToList();
        if (curves.Count == 0)
        {
            return null;
        }

        var plot = NewPlot(title, labels["chart.survival.x"], yLabel);
        foreach (var (group, observations, color) in curves)
        {
            var steps = DiscreetSteps(observations!, threshold);
            double[] xs = steps.Select(s => s.Time).ToArray();
            double[] ys = steps.Select(s => 100 * (cumulative ? 1 - s.Survival : s.Survival)).ToArray();
            var line = plot.Add.Scatter(xs, ys, color);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = GroupName(group);
        }

        // A little room above 100, so a curve that stays at 100 is seen, not hidden under the frame.
        plot.Axes.SetLimitsY(0, 104);
        plot.Axes.SetLimitsX(0, 730);
        plot.ShowLegend(cumulative ? Alignment.UpperLeft : Alignment.LowerLeft);
        return Png(plot);
    }

    /// <summary>
    /// The points of a discreet Kaplan–Meier curve (SPEC §7 rule 3): day 0 at 1, then a step only
    /// where the events since the last drawn step reach k (the estimate there), and the line ends at
    /// the last time at which k or more are still at risk.
    /// </summary>
    public static IReadOnlyList<(double Time, double Survival)> DiscreetSteps(IReadOnlyList<(double Time, bool Event)> observations, int threshold)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var points = new List<(double Time, double Survival)> { (0, 1) };
        int atRisk = observations.Count, pending = 0;
        double survival = 1, end = 0;
        foreach (var group in observations.GroupBy(o => o.Time).OrderBy(g => g.Key))
        {
            if (atRisk < threshold)
            {
                break;
            }

            end = group.Key;
            int d = group.Count(o => o.Event);
            if (d > 0)
            {
                survival *= 1 - ((double)d / atRisk);
                pending += d;
                if (pending >= threshold)
                {
                    points.Add((group.Key, survival));
                    pending = 0;
                }
            }

            atRisk -= group.Count();
        }

        if (end > points[^1].Time)
        {
            points.Add((end, points[^1].Survival));
        }

        return points;
    }

    /// <summary>Fidelity per worker, with the band limits as lines (the internal workbook).</summary>
    internal byte[] FidelityPerWorker(IEnumerable<WorkerFidelity> workers, FidelityThresholds thresholds)
    {
        var plot = NewPlot(labels["chart.fidelity.title"], labels["chart.fidelity.x"], labels["chart.fidelity.y"]);
        var shown = workers.Where(w => w.Fidelity is not null).OrderBy(w => w.WorkerId, StringComparer.Ordinal).ToList();
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

        plot.Add.HorizontalLine(thresholds.HighBand, 1.5f, Colors.DarkGreen, LinePattern.Dashed).LegendText = labels.Format("chart.fidelity.high", thresholds.HighBand);
        plot.Add.HorizontalLine(thresholds.ModerateBand, 1.5f, Colors.DarkOrange, LinePattern.Dashed).LegendText = labels.Format("chart.fidelity.moderate", thresholds.ModerateBand);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray(), shown.Select(w => w.WorkerId).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = shown.Count > 8 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = shown.Count > 8 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.SetLimits(-0.6, Math.Max(shown.Count, 1) - 0.4, 0, 118);
        plot.ShowLegend(Alignment.UpperRight, Orientation.Horizontal);
        return Png(plot);
    }

    private static bool Shown(DiscretionCell cell) => cell.Mark == Mark.Shown && cell.Rounded is not null;

    private void WaveAxis(Plot plot, string[] waves)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, waves.Length).Select(i => (double)i).ToArray(), waves.Select(w => labels["wave." + w]).ToArray());
        plot.Axes.SetLimitsX(-0.6, waves.Length - 0.4);
    }

    private Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);

        // Numbers on the axes in the report's language: decimal commas in Danish.
        var culture = labels.Culture;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("#,0.###", culture) };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("#,0.###", culture) };
        return plot;
    }

    private static byte[] Png(Plot plot, int height = Height) => plot.GetImageBytes(Width, height, ImageFormat.Png);
}
