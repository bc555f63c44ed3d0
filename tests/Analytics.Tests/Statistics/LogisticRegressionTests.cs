using Evaluation.Analytics.Statistics;

namespace Evaluation.Analytics.Tests.Statistics;

/// <summary>Aliasing in column order and the block solver (against glm: Outcomes/GroupComparisonTests).</summary>
public class LogisticRegressionTests
{
    /// <summary>Rows of (dense values, indicator) into a design with a random-ish outcome.</summary>
    private static IndicatorDesign Design(int denseColumns, int indicators, IReadOnlyList<(double[] Dense, int Indicator)> rows) =>
        new(rows.SelectMany(r => r.Dense).ToArray(), denseColumns, rows.Select(r => r.Indicator).ToArray(), indicators, rows.Select((_, i) => i % 3 == 0).ToArray());

    /// <summary>The aliased columns by Gram–Schmidt on the explicit columns, in order (the definition).</summary>
    private static List<int> ByGramSchmidt(IndicatorDesign design)
    {
        var basis = new List<double[]>();
        var aliased = new List<int>();
        for (int j = 0; j < design.Columns; j++)
        {
            var column = Enumerable.Range(0, design.Rows).Select(i => design.Value(i, j)).ToArray();
            double own = column.Sum(v => v * v);
            foreach (var e in basis)
            {
                double dot = column.Zip(e, (x, y) => x * y).Sum();
                for (int i = 0; i < column.Length; i++)
                {
                    column[i] -= dot * e[i];
                }
            }

            double rest = column.Sum(v => v * v);
            if (!(own > 0) || rest <= 1e-10 * own)
            {
                aliased.Add(j);
                continue;
            }

            basis.Add(column.Select(v => v / Math.Sqrt(rest)).ToArray());
        }

        return aliased;
    }

    [Fact]
    public void AliasedColumns_DropsTheLastIndicator_WhenEveryLevelHasOne()
    {
        // Three municipalities, three indicators: they sum to the intercept.
        var rows = Enumerable.Range(0, 30).Select(i => (new double[] { 20 + (i * 7 % 13), i % 2 }, i % 3)).ToList();

        var aliased = LogisticRegression.AliasedColumns(Design(2, 3, rows));

        Assert.Equal([5], aliased);
        Assert.Equal(ByGramSchmidt(Design(2, 3, rows)), aliased);
    }

    [Fact]
    public void AliasedColumns_DropsTheIndicator_NotTheEarlierDenseColumn_ThatItExplains()
    {
        // The second dense column is 3 + 2 × (indicator 1): the indicator comes later, so it is the one dropped.
        var rows = Enumerable.Range(0, 40).Select(i => (new double[] { 20 + (i * 7 % 13), i % 4 == 1 ? 5 : 3 }, i % 4 - 1)).ToList();

        var aliased = LogisticRegression.AliasedColumns(Design(2, 3, rows));

        Assert.Equal([3], aliased);
        Assert.Equal(ByGramSchmidt(Design(2, 3, rows)), aliased);
    }

    [Fact]
    public void AliasedColumns_DropsConstantColumns_AndIndicatorsOfEmptyLevels()
    {
        var rows = Enumerable.Range(0, 40).Select(i => (new double[] { 1, 20 + (i * 7 % 13), 0 }, i % 3 == 0 ? -1 : i % 3)).ToList();

        var aliased = LogisticRegression.AliasedColumns(Design(3, 4, rows));

        Assert.Equal([1, 3, 4, 7], aliased); // the constant 1, the all-zero column, indicators 0 and 3 (no rows)
        Assert.Equal(ByGramSchmidt(Design(3, 4, rows)), aliased);
    }

    [Fact]
    public void AliasedColumns_AgreesWithGramSchmidt_OnManyIndicators_AndAResample()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 400).Select(_ => (new double[] { random.Next(20, 60), random.Next(2), random.Next(10) }, random.Next(-1, 30))).ToList();
        rows.Add((new double[] { 30, 1, 4 }, 30)); // indicator 30 in one row only
        var design = Design(3, 31, rows);
        var frequency = rows.Select((_, i) => i == rows.Count - 1 ? 0 : random.Next(3)).ToArray();
        var resample = Design(3, 31, rows.Where((_, i) => frequency[i] > 0).ToList());

        Assert.Equal(ByGramSchmidt(design), LogisticRegression.AliasedColumns(design));
        Assert.Contains(4 + 30, LogisticRegression.AliasedColumns(design, frequency));
        Assert.Equal(ByGramSchmidt(resample), LogisticRegression.AliasedColumns(design, frequency));
        var whole = LogisticRegression.Fit(design);
        Assert.Equal(LogisticRegression.AliasedColumns(design, frequency), LogisticRegression.Fit(design, frequency, whole.Coefficients).Aliased);
    }

    [Fact]
    public void Fit_WithFrequencies_EqualsTheFitOnRepeatedRows()
    {
        var random = new Random(9);
        var rows = Enumerable.Range(0, 300).Select(_ => (new double[] { random.Next(20, 60), random.Next(2) }, random.Next(-1, 5))).ToList();
        var outcome = rows.Select(_ => random.NextDouble() < 0.4).ToArray();
        var frequency = rows.Select(_ => random.Next(3)).ToArray();
        var design = new IndicatorDesign(rows.SelectMany(r => r.Item1).ToArray(), 2, rows.Select(r => r.Item2).ToArray(), 5, outcome);
        var repeated = Enumerable.Range(0, rows.Count).SelectMany(i => Enumerable.Repeat(i, frequency[i])).ToList();
        var expanded = new IndicatorDesign(repeated.SelectMany(i => rows[i].Item1).ToArray(), 2, repeated.Select(i => rows[i].Item2).ToArray(), 5, repeated.Select(i => outcome[i]).ToArray());

        var a = LogisticRegression.Fit(design, frequency);
        var b = LogisticRegression.Fit(expanded);

        Assert.True(a.Converged && b.Converged);
        for (int j = 0; j < a.Coefficients.Length; j++)
        {
            Assert.Equal(b.Coefficients[j], a.Coefficients[j], 1e-9);
        }
    }

    [Fact]
    public void Fit_ReportsSeparation()
    {
        var rows = Enumerable.Range(0, 40).Select(i => (new double[] { i }, -1)).ToList();
        var design = new IndicatorDesign(rows.SelectMany(r => r.Item1).ToArray(), 1, rows.Select(r => r.Item2).ToArray(), 0, rows.Select((_, i) => i >= 20).ToArray());

        var fit = LogisticRegression.Fit(design);

        Assert.Equal(LogisticStatus.Separation, fit.Status);
        Assert.All(fit.Coefficients, c => Assert.True(double.IsNaN(c)));
    }
}
