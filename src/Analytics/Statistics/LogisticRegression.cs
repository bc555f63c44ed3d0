namespace Evaluation.Analytics.Statistics;

/// <summary>
/// Unpenalised logistic regression by iteratively reweighted least squares (Newton's method), the
/// algorithm of R's <c>glm(family = binomial)</c>, so that coefficients and fitted probabilities
/// agree with it to numerical precision. Returns null when the fit does not converge (for example
/// under complete separation, where the maximum-likelihood estimate does not exist).
/// </summary>
/// <remarks>
/// Chosen over Microsoft.ML's L-BFGS trainer: Newton's method converges to glm's estimate to
/// machine precision rather than to an optimiser tolerance, and a fit on a few thousand rows takes
/// microseconds instead of an ML.NET pipeline's milliseconds, which the bootstrap (refitting the
/// model in every resample) needs.
/// </remarks>
public static class LogisticRegression
{
    /// <param name="x">Rows of covariates, without the intercept (it is added).</param>
    /// <param name="y">1 or 0 per row.</param>
    public static double[]? Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y) => Fit(x, y, null, null);

    /// <summary>Fits on the rows named in <paramref name="rows"/> (repeats allowed: a bootstrap resample), starting from <paramref name="start"/>.</summary>
    public static double[]? Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<int>? rows, double[]? start)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = rows?.Count ?? x.Count;
        if (n == 0)
        {
            return null;
        }

        int k = x[0].Length + 1;
        var beta = start is null ? new double[k] : (double[])start.Clone();
        var information = new double[k * k];
        var score = new double[k];
        var row = new double[k];
        double deviance = double.MaxValue;
        for (int iteration = 0; iteration < 50; iteration++)
        {
            Array.Clear(information);
            Array.Clear(score);
            double newDeviance = 0;
            for (int r = 0; r < n; r++)
            {
                int i = rows?[r] ?? r;
                row[0] = 1;
                Array.Copy(x[i], 0, row, 1, k - 1);
                double eta = 0;
                for (int j = 0; j < k; j++)
                {
                    eta += row[j] * beta[j];
                }

                double mu = 1 / (1 + Math.Exp(-eta));
                double w = mu * (1 - mu);
                double yi = y[i];
                newDeviance -= 2 * ((yi * Math.Log(Math.Max(mu, 1e-300))) + ((1 - yi) * Math.Log(Math.Max(1 - mu, 1e-300))));
                for (int j = 0; j < k; j++)
                {
                    score[j] += row[j] * (yi - mu);
                    double wj = w * row[j];
                    for (int l = 0; l <= j; l++)
                    {
                        information[(j * k) + l] += wj * row[l];
                    }
                }
            }

            // glm's convergence rule: |dev − dev_old| / (|dev| + 0.1) < epsilon (tightened from 1e-8).
            if (Math.Abs(newDeviance - deviance) / (Math.Abs(newDeviance) + 0.1) < 1e-12)
            {
                return beta;
            }

            deviance = newDeviance;
            if (!CholeskySolve(information, score, k))
            {
                return null; // information matrix not positive definite: covariates collinear
            }

            for (int j = 0; j < k; j++)
            {
                beta[j] += score[j];
                if (double.IsNaN(beta[j]) || Math.Abs(beta[j]) > 50)
                {
                    return null; // diverging: separation
                }
            }
        }

        return null;
    }

    /// <summary>The fitted probability for one row of covariates (without intercept).</summary>
    public static double Predict(double[] beta, double[] x)
    {
        ArgumentNullException.ThrowIfNull(beta);
        ArgumentNullException.ThrowIfNull(x);
        double eta = beta[0];
        for (int j = 0; j < x.Length; j++)
        {
            eta += beta[j + 1] * x[j];
        }

        return 1 / (1 + Math.Exp(-eta));
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

            if (!(d > 1e-12))
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
