using MathNet.Numerics.LinearAlgebra;

namespace Evaluation.Analytics.Statistics;

/// <summary>
/// Unpenalised logistic regression by iteratively reweighted least squares (Newton's method), the
/// algorithm of R's <c>glm(family = binomial)</c>, so that coefficients and fitted probabilities
/// agree with it to numerical precision. Returns null when the fit does not converge (for example
/// under complete separation, where the maximum-likelihood estimate does not exist).
/// </summary>
public static class LogisticRegression
{
    /// <param name="x">Rows of covariates, without the intercept (it is added).</param>
    /// <param name="y">1 or 0 per row.</param>
    public static double[]? Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = x.Count;
        if (n == 0)
        {
            return null;
        }

        int k = x[0].Length + 1;
        var beta = Vector<double>.Build.Dense(k);
        double deviance = double.MaxValue;
        var row = new double[k];
        for (int iteration = 0; iteration < 50; iteration++)
        {
            var information = Matrix<double>.Build.Dense(k, k);
            var score = Vector<double>.Build.Dense(k);
            double newDeviance = 0;
            for (int i = 0; i < n; i++)
            {
                row[0] = 1;
                Array.Copy(x[i], 0, row, 1, k - 1);
                double eta = 0;
                for (int j = 0; j < k; j++)
                {
                    eta += row[j] * beta[j];
                }

                double mu = 1 / (1 + Math.Exp(-eta));
                double w = mu * (1 - mu);
                newDeviance -= 2 * ((y[i] * Math.Log(Math.Max(mu, 1e-300))) + ((1 - y[i]) * Math.Log(Math.Max(1 - mu, 1e-300))));
                for (int j = 0; j < k; j++)
                {
                    score[j] += row[j] * (y[i] - mu);
                    for (int l = 0; l <= j; l++)
                    {
                        information[j, l] += w * row[j] * row[l];
                    }
                }
            }

            for (int j = 0; j < k; j++)
            {
                for (int l = j + 1; l < k; l++)
                {
                    information[j, l] = information[l, j];
                }
            }

            // glm's convergence rule: |dev − dev_old| / (|dev| + 0.1) < epsilon (tightened from 1e-8).
            if (Math.Abs(newDeviance - deviance) / (Math.Abs(newDeviance) + 0.1) < 1e-12)
            {
                return beta.ToArray();
            }

            deviance = newDeviance;
            try
            {
                beta += information.Cholesky().Solve(score);
            }
            catch (ArgumentException)
            {
                return null; // information matrix not positive definite: covariates collinear
            }

            if (beta.Any(b => double.IsNaN(b) || Math.Abs(b) > 50))
            {
                return null; // diverging: separation
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
}
