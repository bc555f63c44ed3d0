namespace Evaluation.Reports.Discretion;

/// <summary>
/// The reader who has every workbook of a run and exact arithmetic (SPEC §7 rule 2): for each cell
/// the tightest bounds that the printed values imply, by interval propagation over the published
/// relations (sums and differences of totals and parts), shares times their denominators, and means
/// of whole-number scores that admit only some n. A hidden cell is recovered when its bounds are
/// narrower than 1, i.e. it is known to within 0.5. The engine uses it to decide; the tests use it
/// on the workbooks read back.
/// </summary>
public static class Attacker
{
    private const double Slack = 1e-9;
    private const int MaxRounds = 200;

    /// <summary>Bounds per cell id, from what the reader sees of each cell.</summary>
    public static Dictionary<int, (double Low, double High)> Bounds(
        IReadOnlyCollection<DiscretionCell> cells, IReadOnlyList<Relation> relations, Func<DiscretionCell, Seen> seen, int threshold)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(seen);
        var bounds = new Dictionary<int, (double Low, double High)>(cells.Count);
        var views = new Dictionary<int, Seen>(cells.Count);
        foreach (var cell in cells)
        {
            var view = seen(cell);
            views[cell.Id] = view;
            bounds[cell.Id] = Initial(cell, view, threshold);
        }

        (double, double) Get(DiscretionCell c) => bounds.TryGetValue(c.Id, out var b) ? b : (double.NegativeInfinity, double.PositiveInfinity);

        bool Narrow(DiscretionCell c, double low, double high)
        {
            if (!bounds.TryGetValue(c.Id, out var b))
            {
                return false;
            }

            if (c.Kind is CellKind.Count or CellKind.Latent)
            {
                low = Math.Ceiling(low - Slack);
                high = Math.Floor(high + Slack);
            }

            bool changed = false;
            if (low > b.Low + Slack)
            {
                b.Low = low;
                changed = true;
            }

            if (high < b.High - Slack)
            {
                b.High = high;
                changed = true;
            }

            if (changed)
            {
                bounds[c.Id] = b;
            }

            return changed;
        }

        var shares = cells.Where(c => c.Kind == CellKind.Share && c.Numerator is not null && c.Denominator is not null).ToList();
        var means = cells.Where(c => c.Kind == CellKind.Statistic && c.Granularity is > 0 && c.Counts.Count == 1).ToList();
        for (int round = 0; round < MaxRounds; round++)
        {
            bool changed = false;
            foreach (var relation in relations)
            {
                // total − Σ parts = 0: each member lies between what the others allow. Infinite
                // bounds are counted apart, so that removing the one infinite part leaves a finite sum.
                var (tLow, tHigh) = Get(relation.Total);
                var low = new Sum();
                var high = new Sum();
                foreach (var p in relation.Parts)
                {
                    var (l, h) = Get(p);
                    low.Add(l);
                    high.Add(h);
                }

                changed |= Narrow(relation.Total, low.Value, high.Value);
                foreach (var p in relation.Parts)
                {
                    var (l, h) = Get(p);
                    changed |= Narrow(p, tLow - high.Without(h), tHigh - low.Without(l));
                }
            }

            foreach (var share in shares)
            {
                var view = views[share.Id];
                var (xLow, xHigh) = Get(share.Numerator!);
                var (dLow, dHigh) = Get(share.Denominator!);
                if (view.Mark == Mark.Shown && view.Value is not null)
                {
                    var (sLow, sHigh) = Get(share);
                    changed |= Narrow(share.Numerator!, sLow * dLow, sHigh * dHigh);
                    if (sLow > 0)
                    {
                        changed |= Narrow(share.Denominator!, double.NegativeInfinity, xHigh / sLow);
                    }

                    if (sHigh > 0)
                    {
                        changed |= Narrow(share.Denominator!, xLow / sHigh, double.PositiveInfinity);
                    }
                }
                else if (view.Mark == Mark.Small && dLow >= threshold)
                {
                    // "<5" beside an n of 5 or more can only mean a numerator of 1–4.
                    changed |= Narrow(share.Numerator!, 1, threshold - 1);
                }
            }

            foreach (var mean in means)
            {
                changed |= NarrowByMean(mean, views[mean.Id], Get(mean), Get(mean.Counts[0]), (l, h) => Narrow(mean.Counts[0], l, h));
            }

            if (!changed)
            {
                break;
            }
        }

        return bounds;
    }

    /// <summary>The hidden cells whose bounds are narrower than 1: printed counts, and unprinted counts that <paramref name="sensitive"/> names.</summary>
    public static List<DiscretionCell> Recovered(
        IReadOnlyCollection<DiscretionCell> cells, IReadOnlyList<Relation> relations, Func<DiscretionCell, Seen> seen, int threshold, Func<DiscretionCell, bool> sensitive)
    {
        ArgumentNullException.ThrowIfNull(sensitive);
        var bounds = Bounds(cells, relations, seen, threshold);
        var recovered = new List<DiscretionCell>();
        foreach (var cell in cells)
        {
            var view = seen(cell);
            bool hidden = cell.Kind == CellKind.Count ? view.Mark is Mark.Small or Mark.Hidden : cell.Kind == CellKind.Latent && sensitive(cell);
            if (hidden && bounds.TryGetValue(cell.Id, out var b) && b.High - b.Low < 1 - Slack)
            {
                recovered.Add(cell);
            }
        }

        return recovered;
    }

    private static (double Low, double High) Initial(DiscretionCell cell, Seen view, int threshold)
    {
        double half = 0.5 * Math.Pow(10, -cell.Decimals);
        return (cell.Kind, view.Mark) switch
        {
            (CellKind.Count or CellKind.Latent, Mark.Shown) when view.Value is { } v => (v, v),
            (CellKind.Count or CellKind.Latent, Mark.Small) => (1, threshold - 1),

            // ".." may hide any count, a 0 or a "<5" among them: it says nothing.
            (CellKind.Count or CellKind.Latent, Mark.Hidden) => (0, double.PositiveInfinity),
            (CellKind.Count or CellKind.Latent, _) => (0, double.PositiveInfinity),
            (CellKind.Share, Mark.Shown) when view.Value is { } v => (Math.Max(0, v - half), Math.Min(1, v + half)),
            (CellKind.Share, _) => (0, 1),
            (_, Mark.Shown) when view.Value is { } v => (v - half, v + half),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };
    }

    /// <summary>A shown mean of scores that are multiples of g, over a hidden n: only the n for which some whole sum rounds to the mean remain.</summary>
    private static bool NarrowByMean(DiscretionCell mean, Seen view, (double Low, double High) m, (double Low, double High) n, Func<double, double, bool> narrow)
    {
        if (view.Mark != Mark.Shown || view.Value is null || n.High - n.Low < 1 || double.IsInfinity(m.Low))
        {
            return false;
        }

        double g = mean.Granularity!.Value;
        bool Admissible(long k) => k >= 1 && Math.Ceiling((m.Low * k / g) - Slack) <= Math.Floor((m.High * k / g) + Slack);
        long low = (long)Math.Max(1, n.Low);
        long cap = low + 5000;
        long high = double.IsPositiveInfinity(n.High) ? cap : (long)Math.Min(n.High, cap);
        long first = low;
        while (first <= high && !Admissible(first))
        {
            first++;
        }

        if (first > high)
        {
            return false; // the scan found none within its reach: say nothing rather than something wrong
        }

        long last = high;
        if (!double.IsPositiveInfinity(n.High) && n.High <= cap)
        {
            while (last > first && !Admissible(last))
            {
                last--;
            }
        }
        else
        {
            last = long.MaxValue;
        }

        return narrow(first, last == long.MaxValue ? double.PositiveInfinity : last);
    }

    /// <summary>A sum that keeps infinite terms apart.</summary>
    private sealed class Sum
    {
        private double finite;
        private int positive;
        private int negative;

        public double Value => positive > 0 && negative == 0 ? double.PositiveInfinity : negative > 0 && positive == 0 ? double.NegativeInfinity : positive > 0 ? double.NaN : finite;

        public void Add(double x)
        {
            if (double.IsPositiveInfinity(x))
            {
                positive++;
            }
            else if (double.IsNegativeInfinity(x))
            {
                negative++;
            }
            else
            {
                finite += x;
            }
        }

        /// <summary>The sum without one of its terms.</summary>
        public double Without(double x)
        {
            int p = positive - (double.IsPositiveInfinity(x) ? 1 : 0);
            int n = negative - (double.IsNegativeInfinity(x) ? 1 : 0);
            if (p > 0)
            {
                return n > 0 ? double.NaN : double.PositiveInfinity;
            }

            return n > 0 ? double.NegativeInfinity : finite - (double.IsInfinity(x) ? 0 : x);
        }
    }
}
