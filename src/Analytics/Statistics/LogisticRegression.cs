namespace Evaluation.Analytics.Statistics;

/// <summary>
/// The design of a propensity model (SPEC §5 "Group comparison"): an intercept, a few dense
/// covariate columns, and indicator columns of which each row has at most one set (a municipality).
/// Columns are numbered in R's order: 0 the intercept, 1…p the dense columns, p + 1 … p + g the
/// indicators. <see cref="Indicator"/> is the indicator set in each row, or −1 for none (the
/// reference level).
/// </summary>
public sealed class IndicatorDesign
{
    /// <param name="dense">Row-major values of the dense columns, <paramref name="denseColumns"/> per row.</param>
    /// <param name="denseColumns">Number of dense columns, without the intercept.</param>
    /// <param name="indicator">Per row, the indicator column set (0-based among the indicators), or −1.</param>
    /// <param name="indicatorCount">Number of indicator columns.</param>
    /// <param name="outcome">Per row, true for 1 (CTI).</param>
    public IndicatorDesign(double[] dense, int denseColumns, int[] indicator, int indicatorCount, bool[] outcome)
    {
        ArgumentNullException.ThrowIfNull(dense);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(outcome);
        if (dense.Length != denseColumns * outcome.Length || indicator.Length != outcome.Length)
        {
            throw new ArgumentException("The dense values, indicators and outcomes must describe the same rows.");
        }

        Dense = dense;
        DenseColumns = denseColumns;
        Indicator = indicator;
        IndicatorCount = indicatorCount;
        Outcome = outcome;
    }

    public double[] Dense { get; }

    public int DenseColumns { get; }

    public int[] Indicator { get; }

    public int IndicatorCount { get; }

    public bool[] Outcome { get; }

    public int Rows => Outcome.Length;

    /// <summary>All columns: intercept, dense, indicators.</summary>
    public int Columns => 1 + DenseColumns + IndicatorCount;

    /// <summary>The value of column <paramref name="column"/> in row <paramref name="row"/>.</summary>
    public double Value(int row, int column) =>
        column == 0 ? 1
        : column <= DenseColumns ? Dense[(row * DenseColumns) + column - 1]
        : Indicator[row] == column - 1 - DenseColumns ? 1 : 0;
}

/// <summary>How a logistic fit ended.</summary>
public enum LogisticStatus
{
    Converged,

    /// <summary>Fitted probabilities numerically 0 or 1 (glm's warning): the estimate does not exist.</summary>
    Separation,

    /// <summary>No convergence within the iteration limit, or a numerically singular step.</summary>
    NotConverged,
}

/// <summary>A logistic fit: coefficients per column (NaN where aliased, R's NA), the aliased columns in order.</summary>
public sealed record LogisticFit(LogisticStatus Status, double[] Coefficients, IReadOnlyList<int> Aliased, int Iterations)
{
    public bool Converged => Status == LogisticStatus.Converged;

    /// <summary>The fitted probability of row <paramref name="row"/> (aliased columns count as 0, as glm's predictions do).</summary>
    public double Predict(IndicatorDesign design, int row)
    {
        ArgumentNullException.ThrowIfNull(design);
        return 1 / (1 + Math.Exp(-LogisticRegression.Eta(design, Coefficients, row)));
    }
}

/// <summary>
/// Unpenalised logistic regression by iteratively reweighted least squares (Newton's method), the
/// algorithm of R's <c>glm(family = binomial)</c>, so coefficients and fitted probabilities agree
/// with it to numerical precision.
/// <list type="bullet">
/// <item>Rank deficiency as glm: a column whose part not explained by the columns before it (in the
/// order intercept, dense, indicators) has a squared norm below 1e-10 of its own is aliased: dropped
/// from the fit, its coefficient NaN (glm's <c>NA</c>), and the fit goes on.</item>
/// <item>Block solver: a row has at most one indicator set, so X'WX is a dense block for the
/// intercept and dense columns, a diagonal block for the indicators and a cross block; a Newton step
/// accumulates these in O(n·p²) and solves through the Schur complement of the diagonal block in
/// O(g·p² + p³), instead of O(n·k²) and O(k³) for k = 1 + p + g columns.</item>
/// <item>Convergence when the Newton decrement λ² = score'·step (the deviance decrease the step is
/// expected to make, to second order) is small by glm's scale: λ² / (|dev₀| + 0.1) &lt; ε, with dev₀
/// the starting deviance and ε = 1e-12 (glm compares successive deviances with ε = 1e-8); the last
/// step is taken. At most 50 iterations. Fitted probabilities within 10 machine epsilons of 0 or 1 mean separation
/// (where glm warns "fitted probabilities numerically 0 or 1 occurred"): no estimate.</item>
/// </list>
/// </summary>
/// <remarks>
/// Chosen over Microsoft.ML's L-BFGS trainer: Newton's method reaches glm's estimate to machine
/// precision rather than to an optimiser tolerance, and the bootstrap refits the model hundreds of
/// times. Frequency weights (a bootstrap resample's counts) give the same estimate as repeating the
/// rows.
/// </remarks>
public static class LogisticRegression
{
    private const double AliasTolerance = 1e-10;
    /// <summary>The convergence tolerance of a fit reported as such (glm's default is 1e-8).</summary>
    public const double Epsilon = 1e-12;
    private const int MaxIterations = 50;
    private const double Boundary = 10 * 2.220446049250313e-16; // glm.fit: eps <- 10 * .Machine$double.eps

    /// <summary>Fits the model on every row, or on the rows with a positive <paramref name="frequency"/>, each counted that many times.</summary>
    /// <param name="design">The columns and outcome.</param>
    /// <param name="frequency">How often each row counts (null: once each).</param>
    /// <param name="start">Starting coefficients (a warm start, e.g. the fit on all rows); NaN entries start at 0.</param>
    /// <param name="epsilon">The convergence tolerance (a bootstrap resample may use glm's 1e-8).</param>
    public static LogisticFit Fit(IndicatorDesign design, int[]? frequency = null, double[]? start = null, double epsilon = Epsilon)
    {
        ArgumentNullException.ThrowIfNull(design);
        int q = 1 + design.DenseColumns, g = design.IndicatorCount, k = q + g;
        var beta = new double[k];
        for (int j = 0; j < k; j++)
        {
            beta[j] = start is not null && !double.IsNaN(start[j]) ? start[j] : 0;
        }

        // Known after the first pass, whose X'WX (all weights positive) has the rank structure of X'X.
        IReadOnlyList<int> aliased = [];
        var kept = new bool[k];
        int[] denseKept = [];
        int m = 0;
        var a1 = new double[q * q];
        var b1 = new double[q * g];
        var d1 = new double[g];
        var s1 = new double[q];
        var s2 = new double[g];
        var dense = design.Dense;
        int p = design.DenseColumns;
        double deviance = 0;
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            Array.Clear(a1);
            Array.Clear(b1);
            Array.Clear(d1);
            Array.Clear(s1);
            Array.Clear(s2);
            double newDeviance = 0;
            bool boundary = false;
            // One pass over the rows accumulates the blocks of X'WX and X'(y − μ); column 0 is the
            // intercept (1), columns 1…p the dense values, and the row's indicator adds to its own
            // diagonal entry and cross column only.
            for (int i = 0; i < design.Rows; i++)
            {
                int f = frequency is null ? 1 : frequency[i];
                if (f == 0)
                {
                    continue;
                }

                int offset = i * p;
                double eta = beta[0];
                for (int j = 0; j < p; j++)
                {
                    eta += dense[offset + j] * beta[j + 1];
                }

                int ind = design.Indicator[i];
                if (ind >= 0)
                {
                    eta += beta[q + ind];
                }

                double e = Math.Exp(-eta);
                double mu = 1 / (1 + e);
                boundary |= mu < Boundary || mu > 1 - Boundary;
                double w = f * mu * (1 - mu);
                bool y = design.Outcome[i];
                double r = f * ((y ? 1 : 0) - mu);

                // −2 log μ = 2 log(1 + e^−η); −2 log(1 − μ) = 2 (log(1 + e^−η) + η). Only the
                // starting deviance is needed (the scale of the convergence rule), so later passes skip the log.
                if (iteration == 1)
                {
                    newDeviance += 2 * f * (Math.Log(1 + e) + (y ? 0 : eta));
                }
                a1[0] += w;
                s1[0] += r;
                for (int a = 1; a < q; a++)
                {
                    double xa = dense[offset + a - 1];
                    double wa = w * xa;
                    s1[a] += r * xa;
                    a1[a * q] += wa;
                    for (int b = 1; b <= a; b++)
                    {
                        a1[(a * q) + b] += wa * dense[offset + b - 1];
                    }

                    if (ind >= 0)
                    {
                        b1[(a * g) + ind] += wa;
                    }
                }

                if (ind >= 0)
                {
                    b1[ind] += w;
                    d1[ind] += w;
                    s2[ind] += r;
                }
            }

            if (iteration == 1)
            {
                // glm decides aliasing on √W·X the same way; from a cold start W is constant, so
                // this is exactly AliasedColumns(design, frequency).
                aliased = Aliased(a1, b1, d1, q, g);
                Array.Fill(kept, true);
                foreach (var j in aliased)
                {
                    kept[j] = false;
                    beta[j] = 0;
                }

                denseKept = Enumerable.Range(0, q).Where(j => kept[j]).ToArray();
                m = denseKept.Length;
            }

            if (boundary)
            {
                return Failed(LogisticStatus.Separation, k, aliased, iteration);
            }

            if (iteration == 1)
            {
                deviance = newDeviance;
            }

            // Schur complement of the diagonal indicator block: S = A − B D⁻¹ B', rhs = s1 − B D⁻¹ s2.
            var schur = new double[m * m];
            var rhs = new double[m];
            for (int u = 0; u < m; u++)
            {
                int a = denseKept[u];
                rhs[u] = s1[a];
                for (int v = 0; v <= u; v++)
                {
                    int b = denseKept[v];
                    schur[(u * m) + v] = a1[(a * q) + b];
                }
            }

            for (int h = 0; h < g; h++)
            {
                if (!kept[q + h])
                {
                    continue;
                }

                if (!(d1[h] > 0))
                {
                    return Failed(LogisticStatus.NotConverged, k, aliased, iteration);
                }

                for (int u = 0; u < m; u++)
                {
                    double bu = b1[(denseKept[u] * g) + h] / d1[h];
                    rhs[u] -= bu * s2[h];
                    for (int v = 0; v <= u; v++)
                    {
                        schur[(u * m) + v] -= bu * b1[(denseKept[v] * g) + h];
                    }
                }
            }

            if (!CholeskySolve(schur, rhs, m))
            {
                return Failed(LogisticStatus.NotConverged, k, aliased, iteration);
            }

            // The Newton decrement λ² = score'·step is the deviance decrease the step is expected to
            // make; when it is below glm's tolerance the step is taken and the fit ends, saving the
            // pass that would only confirm it.
            double decrement = 0;
            for (int u = 0; u < m; u++)
            {
                beta[denseKept[u]] += rhs[u];
                decrement += s1[denseKept[u]] * rhs[u];
            }

            for (int h = 0; h < g; h++)
            {
                if (!kept[q + h])
                {
                    continue;
                }

                double z = s2[h];
                for (int u = 0; u < m; u++)
                {
                    z -= b1[(denseKept[u] * g) + h] * rhs[u];
                }

                beta[q + h] += z / d1[h];
                decrement += s2[h] * z / d1[h];
            }

            if (beta.Any(double.IsNaN))
            {
                return Failed(LogisticStatus.NotConverged, k, aliased, iteration);
            }

            if (Math.Abs(decrement) / (Math.Abs(deviance) + 0.1) < epsilon)
            {
                for (int j = 0; j < k; j++)
                {
                    beta[j] = kept[j] ? beta[j] : double.NaN;
                }

                return new LogisticFit(LogisticStatus.Converged, beta, aliased, iteration);
            }
        }

        return Failed(LogisticStatus.NotConverged, k, aliased, MaxIterations);
    }

    /// <summary>
    /// The columns that are constant or linear combinations of the columns before them: an in-order
    /// Cholesky factorisation of X'X that skips a column whose remaining squared norm is at most 1e-10
    /// of its own (glm's pivoting QR, dqrdc2, moves such columns to the end).
    /// </summary>
    /// <remarks>
    /// The indicator block of X'X is diagonal (D), so after the dense columns the rest is
    /// S = D − W Wᵀ, with row j of W the indicator's cross products solved against the dense factor.
    /// Eliminating indicator m keeps every off-diagonal entry of the form −w_jᵀ M w_k, with M updated
    /// by M += (M w_m)(M w_m)ᵀ / pivot; so the factorisation costs O(g·p²) rather than O(g³).
    /// </remarks>
    public static IReadOnlyList<int> AliasedColumns(IndicatorDesign design, int[]? frequency = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        int p = design.DenseColumns, q = 1 + p, g = design.IndicatorCount;
        var a = new double[q * q];
        var b = new double[q * g];
        var d = new double[g];
        for (int i = 0; i < design.Rows; i++)
        {
            int f = frequency is null ? 1 : frequency[i];
            if (f == 0)
            {
                continue;
            }

            int offset = i * p, ind = design.Indicator[i];
            for (int r = 0; r < q; r++)
            {
                double xr = r == 0 ? 1 : design.Dense[offset + r - 1];
                for (int c = 0; c <= r; c++)
                {
                    a[(r * q) + c] += f * xr * (c == 0 ? 1 : design.Dense[offset + c - 1]);
                }

                if (ind >= 0)
                {
                    b[(r * g) + ind] += f * xr;
                }
            }

            if (ind >= 0)
            {
                d[ind] += f;
            }
        }

        return Aliased(a, b, d, q, g);
    }

    /// <summary>The aliased columns from the blocks of a cross-product matrix (see <see cref="AliasedColumns"/>).</summary>
    private static List<int> Aliased(double[] a, double[] b, double[] d, int q, int g)
    {
        // The dense columns: in-order Cholesky of their block, skipping aliased columns.
        var aliased = new List<int>();
        var keptDense = new List<int>();
        var l = new double[q * q];
        for (int j = 0; j < q; j++)
        {
            double own = a[(j * q) + j], pivot = own;
            foreach (var m in keptDense)
            {
                pivot -= l[(j * q) + m] * l[(j * q) + m];
            }

            if (!(own > 0) || pivot <= AliasTolerance * own)
            {
                aliased.Add(j);
                continue;
            }

            double root = Math.Sqrt(pivot);
            l[(j * q) + j] = root;
            for (int i = j + 1; i < q; i++)
            {
                double v = a[(i * q) + j];
                foreach (var m in keptDense)
                {
                    v -= l[(i * q) + m] * l[(j * q) + m];
                }

                l[(i * q) + j] = v / root;
            }

            keptDense.Add(j);
        }

        // The indicators: w_h = L⁻¹ b_h over the kept dense columns, then the structured elimination.
        int k = keptDense.Count;
        var mMatrix = new double[k * k];
        for (int u = 0; u < k; u++)
        {
            mMatrix[(u * k) + u] = 1;
        }

        var w = new double[k];
        var mw = new double[k];
        for (int h = 0; h < g; h++)
        {
            double own = d[h];
            if (!(own > 0))
            {
                aliased.Add(q + h);
                continue;
            }

            for (int u = 0; u < k; u++)
            {
                int j = keptDense[u];
                double v = b[(j * g) + h];
                for (int t = 0; t < u; t++)
                {
                    v -= l[(j * q) + keptDense[t]] * w[t];
                }

                w[u] = v / l[(j * q) + j];
            }

            double pivot = own;
            for (int u = 0; u < k; u++)
            {
                double v = 0;
                for (int t = 0; t < k; t++)
                {
                    v += mMatrix[(u * k) + t] * w[t];
                }

                mw[u] = v;
                pivot -= w[u] * v;
            }

            if (pivot <= AliasTolerance * own)
            {
                aliased.Add(q + h);
                continue;
            }

            for (int u = 0; u < k; u++)
            {
                for (int t = 0; t < k; t++)
                {
                    mMatrix[(u * k) + t] += mw[u] * mw[t] / pivot;
                }
            }
        }

        return aliased;
    }

    /// <summary>The linear predictor of row <paramref name="row"/>; NaN (aliased) coefficients count as 0.</summary>
    public static double Eta(IndicatorDesign design, double[] beta, int row)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(beta);
        static double C(double b) => double.IsNaN(b) ? 0 : b;
        double eta = C(beta[0]);
        for (int j = 0; j < design.DenseColumns; j++)
        {
            eta += C(beta[j + 1]) * design.Dense[(row * design.DenseColumns) + j];
        }

        if (design.Indicator[row] >= 0)
        {
            eta += C(beta[1 + design.DenseColumns + design.Indicator[row]]);
        }

        return eta;
    }

    private static LogisticFit Failed(LogisticStatus status, int k, IReadOnlyList<int> aliased, int iterations)
    {
        var nan = new double[k];
        Array.Fill(nan, double.NaN);
        return new LogisticFit(status, nan, aliased, iterations);
    }

    /// <summary>Solves A z = b in place (A symmetric, lower triangle filled, k × k row-major); false when A is not positive definite.</summary>
    private static bool CholeskySolve(double[] a, double[] b, int k)
    {
        for (int j = 0; j < k; j++)
        {
            double d = a[(j * k) + j];
            for (int m = 0; m < j; m++)
            {
                d -= a[(j * k) + m] * a[(j * k) + m];
            }

            if (!(d > 0))
            {
                return false;
            }

            d = Math.Sqrt(d);
            a[(j * k) + j] = d;
            for (int i = j + 1; i < k; i++)
            {
                double s = a[(i * k) + j];
                for (int m = 0; m < j; m++)
                {
                    s -= a[(i * k) + m] * a[(j * k) + m];
                }

                a[(i * k) + j] = s / d;
            }
        }

        for (int i = 0; i < k; i++)
        {
            double s = b[i];
            for (int m = 0; m < i; m++)
            {
                s -= a[(i * k) + m] * b[m];
            }

            b[i] = s / a[(i * k) + i];
        }

        for (int i = k - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int m = i + 1; m < k; m++)
            {
                s -= a[(m * k) + i] * b[m];
            }

            b[i] = s / a[(i * k) + i];
        }

        return true;
    }
}
