using MathNet.Numerics.LinearAlgebra;

namespace Evaluation.Analytics.Statistics;

/// <summary>A fitted linear mixed model with one random intercept: fixed effects, their standard errors, variance components.</summary>
public sealed record MixedModelFit(
    IReadOnlyList<double> Fixed,
    IReadOnlyList<double> StandardErrors,
    double VarianceCluster,
    double VarianceResidual,
    int Observations,
    int Clusters,
    double RemlCriterion);

/// <summary>
/// The linear mixed model y = Xβ + b_cluster + ε with b ~ N(0, σ_b²) and ε ~ N(0, σ²), fitted by
/// REML as <c>lme4::lmer(REML = TRUE)</c> does (SPEC §5 trajectory). The REML criterion is profiled
/// over the relative standard deviation s = σ_b / σ ≥ 0 (lme4's θ) and minimised in one dimension;
/// for a given s everything follows in closed form from per-cluster sums, because V_i⁻¹ =
/// (I − c_i J) / σ² with c_i = s² / (1 + n_i s²). So a fit costs O(clusters × p²) per step and
/// scales to 100,000 courses. A variance at the boundary (s = 0) is found and reported as 0.
/// </summary>
public static class RandomInterceptModel
{
    /// <summary>Fits the model, or returns null when it cannot be fitted (too few observations, X not of full rank).</summary>
    public static MixedModelFit? Fit(IReadOnlyList<(string Cluster, double[] X, double Y)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return null;
        }

        int p = rows[0].X.Length;
        var sums = Sums.From(rows, p);
        if (sums.N <= p || !FullRank(sums.XtX, p))
        {
            return null;
        }

        // Scan s on a log grid to bracket the minimum, then golden-section search inside the bracket.
        var grid = new List<double> { 0 };
        for (double s = 1e-4; s < 1e4; s *= 1.5)
        {
            grid.Add(s);
        }

        var values = grid.Select(s => Criterion(sums, p, s).Value).ToArray();
        int best = Array.IndexOf(values, values.Min());
        double lo = grid[Math.Max(0, best - 1)], hi = grid[Math.Min(grid.Count - 1, best + 1)];
        double sHat = GoldenSection(s => Criterion(sums, p, s).Value, lo, hi);
        // At the boundary the search ends a hair above 0, where the criterion is flat to rounding:
        // report the boundary itself, as lme4 does for a singular fit.
        if (Criterion(sums, p, 0).Value <= Criterion(sums, p, sHat).Value + 1e-9)
        {
            sHat = 0;
        }

        var at = Criterion(sums, p, sHat);
        double sigma2 = at.Rwr / (sums.N - p);
        var covariance = at.AInverse * sigma2;
        return new MixedModelFit(
            at.Beta.ToArray(),
            Enumerable.Range(0, p).Select(i => Math.Sqrt(covariance[i, i])).ToArray(),
            sHat * sHat * sigma2,
            sigma2,
            sums.N,
            sums.Clusters.Count,
            at.Value);
    }

    private sealed record Evaluation(double Value, Vector<double> Beta, Matrix<double> AInverse, double Rwr);

    /// <summary>The profiled REML criterion (−2 log restricted likelihood, up to a constant) at relative SD s.</summary>
    private static Evaluation Criterion(Sums sums, int p, double s)
    {
        double theta = s * s;
        var a = sums.XtX.Clone();
        var b = sums.Xty.Clone();
        double q = sums.Yty;
        double logDetH = 0;
        foreach (var c in sums.Clusters)
        {
            double ci = theta / (1 + (c.N * theta));
            logDetH += Math.Log(1 + (c.N * theta));
            for (int j = 0; j < p; j++)
            {
                b[j] -= ci * c.Sx[j] * c.Sy;
                for (int k = 0; k < p; k++)
                {
                    a[j, k] -= ci * c.Sx[j] * c.Sx[k];
                }
            }

            q -= ci * c.Sy * c.Sy;
        }

        var cholesky = a.Cholesky();
        var beta = cholesky.Solve(b);
        double rwr = q - b.DotProduct(beta);
        int dof = sums.N - p;
        double value = (dof * Math.Log(rwr / dof)) + logDetH + cholesky.DeterminantLn;
        return new Evaluation(value, beta, cholesky.Solve(Matrix<double>.Build.DenseIdentity(p)), rwr);
    }

    private static double GoldenSection(Func<double, double> f, double lo, double hi)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double x1 = hi - (ratio * (hi - lo)), x2 = lo + (ratio * (hi - lo));
        double f1 = f(x1), f2 = f(x2);
        while (hi - lo > 1e-10 * Math.Max(1, Math.Abs(lo) + Math.Abs(hi)))
        {
            if (f1 < f2)
            {
                hi = x2;
                (x2, f2) = (x1, f1);
                x1 = hi - (ratio * (hi - lo));
                f1 = f(x1);
            }
            else
            {
                lo = x1;
                (x1, f1) = (x2, f2);
                x2 = lo + (ratio * (hi - lo));
                f2 = f(x2);
            }
        }

        return (lo + hi) / 2;
    }

    private static bool FullRank(Matrix<double> xtx, int p)
    {
        // X'X of full rank has no eigenvalue near zero relative to its largest.
        var eigen = xtx.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        return eigen.Min() > 1e-10 * Math.Max(1, eigen.Max()) && eigen.Length == p;
    }

    private sealed record ClusterSums(int N, double[] Sx, double Sy);

    /// <summary>The per-cluster and overall sums every step of the fit needs.</summary>
    private sealed record Sums(int N, Matrix<double> XtX, Vector<double> Xty, double Yty, List<ClusterSums> Clusters)
    {
        public static Sums From(IReadOnlyList<(string Cluster, double[] X, double Y)> rows, int p)
        {
            var xtx = Matrix<double>.Build.Dense(p, p);
            var xty = Vector<double>.Build.Dense(p);
            double yty = 0;
            var clusters = new Dictionary<string, (int N, double[] Sx, double Sy)>(StringComparer.Ordinal);
            foreach (var (cluster, x, y) in rows)
            {
                for (int j = 0; j < p; j++)
                {
                    xty[j] += x[j] * y;
                    for (int k = 0; k < p; k++)
                    {
                        xtx[j, k] += x[j] * x[k];
                    }
                }

                yty += y * y;
                if (!clusters.TryGetValue(cluster, out var c))
                {
                    c = (0, new double[p], 0);
                }

                for (int j = 0; j < p; j++)
                {
                    c.Sx[j] += x[j];
                }

                clusters[cluster] = (c.N + 1, c.Sx, c.Sy + y);
            }

            return new Sums(rows.Count, xtx, xty, yty, clusters.Values.Select(c => new ClusterSums(c.N, c.Sx, c.Sy)).ToList());
        }
    }
}
