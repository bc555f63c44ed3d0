using Evaluation.Analytics.Statistics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Evaluation.Analytics.Outcomes;

/// <summary>
/// The boosted propensity model (SPEC §5 "Boosted propensity model"): gradient-boosted regression
/// trees from Microsoft.ML's FastTree binary trainer on the same columns as the logistic model
/// (dense covariates and municipality indicators), seeded and single-threaded so that the same data
/// give the same trees. The number of trees is chosen from the grid 10, 20, …, <see cref="MaxTrees"/>
/// by twang's <c>es.mean</c> stopping rule: the count whose weights give the smallest mean absolute
/// standardised mean difference over the columns (<see cref="WeightedBalance.StandardisedMeanDifference"/>).
/// The trees are trained once with the largest count and the grid is read off prefixes of the
/// ensemble (twang evaluates gbm's iterations the same way). No columns are aliased: trees do not
/// need a full-rank design.
/// <para>
/// A bootstrap resample keeps the propensities of the whole sample (it is given them as
/// <c>start</c>) and only redraws the courses and renormalises their weights. Refitting FastTree in
/// every resample costs 0.1–0.5 s per fit at 20,000 courses (ML.NET's data conversion and binning
/// come first), minutes for 500 resamples; and an interval that treats the estimated propensities as
/// known is, for inverse probability weighting, conservative (Hirano, Imbens and Ridder 2003: the
/// estimated propensity makes the estimator more, not less, precise).
/// </para>
/// </summary>
public sealed class BoostedPropensityModel(int seed) : PropensityModel
{
    /// <summary>The largest number of trees tried.</summary>
    public const int MaxTrees = 200;

    /// <summary>The step of the grid of tree counts.</summary>
    public const int GridStep = 10;

    public override string Name => "boosted";

    public override PropensityEstimate Estimate(IndicatorDesign design, IReadOnlyList<string> columns, int[]? frequency, PropensityEstimate? start)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (start?.Probabilities is not null)
        {
            return start; // a resample: the whole sample's propensities, per course
        }

        var rows = Enumerable.Range(0, design.Rows).SelectMany(i => Enumerable.Repeat(i, frequency?[i] ?? 1)).ToArray();
        var data = Rows(design, rows);
        int trees = MaxTrees;
        var (ensemble, slope, offset) = Train(data, design.Columns - 1, trees);

        // Scores of each sample row after each tree; the propensity is the Platt calibration of the score.
        var score = new double[rows.Length];
        Array.Fill(score, ensemble.Bias);
        int chosen = trees;
        double best = double.PositiveInfinity;
        double[]? bestP = null;
        var balance = new BalanceColumns(design, rows);
        for (int t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            double weight = ensemble.TreeWeights[t];
            for (int r = 0; r < rows.Length; r++)
            {
                score[r] += weight * Leaf(tree, data[r].Features);
            }

            if ((t + 1) % GridStep == 0)
            {
                var p = score.Select(s => Platt(s, slope, offset)).ToArray();
                double mean = balance.MeanAbsoluteSmd(p);
                if (mean < best)
                {
                    (best, chosen, bestP) = (mean, t + 1, p);
                }
            }
        }

        bestP ??= score.Select(s => Platt(s, slope, offset)).ToArray();

        // Back from sample rows to design rows (copies of a row share its propensity).
        var probabilities = new double[design.Rows];
        for (int r = 0; r < rows.Length; r++)
        {
            probabilities[rows[r]] = bestP[r];
        }

        return new PropensityEstimate(probabilities, [], null) { Trees = chosen };
    }

    private static double Platt(double score, double slope, double offset) => 1 / (1 + Math.Exp((slope * score) + offset));

    private (TreeEnsemble<RegressionTree> Ensemble, double Slope, double Offset) Train(FeatureRow[] data, int features, int trees)
    {
        var (model, _, _) = Fit(data, features, trees);
        return (model.Model.SubModel.TrainedTreeEnsemble, model.Model.Calibrator.Slope, model.Model.Calibrator.Offset);
    }

    private (BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> Model, MLContext Context, IDataView View) Fit(FeatureRow[] data, int features, int trees)
    {
        var context = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        var view = context.Data.LoadFromEnumerable(data, schema);
        var trainer = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = trees,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = seed,
            FeatureFraction = 1,
        });
        return (trainer.Fit(view), context, view);
    }

    /// <summary>
    /// For tests: the propensities from the ensemble read tree by tree (as <see cref="Estimate"/> does)
    /// and from ML.NET's own prediction, on the same model with <paramref name="trees"/> trees.
    /// </summary>
    internal (double[] Ours, double[] MlNet) CompareWithMlNet(IndicatorDesign design, int trees)
    {
        var data = Rows(design, Enumerable.Range(0, design.Rows).ToArray());
        var (model, context, view) = Fit(data, design.Columns - 1, trees);
        var ensemble = model.Model.SubModel.TrainedTreeEnsemble;
        var ours = data.Select(d =>
        {
            double score = ensemble.Bias;
            for (int t = 0; t < ensemble.Trees.Count; t++)
            {
                score += ensemble.TreeWeights[t] * Leaf(ensemble.Trees[t], d.Features);
            }

            return Platt(score, model.Model.Calibrator.Slope, model.Model.Calibrator.Offset);
        }).ToArray();
        var theirs = context.Data.CreateEnumerable<Prediction>(model.Transform(view), reuseRowObject: false).Select(p => (double)p.Probability).ToArray();
        return (ours, theirs);
    }

    private static FeatureRow[] Rows(IndicatorDesign design, int[] rows)
    {
        int features = design.Columns - 1;
        var data = new FeatureRow[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            var x = new float[features];
            for (int j = 0; j < features; j++)
            {
                x[j] = (float)design.Value(rows[r], j + 1);
            }

            data[r] = new FeatureRow { Label = design.Outcome[rows[r]], Features = x };
        }

        return data;
    }

    /// <summary>The leaf value of a tree for one row (FastTree: left when the feature is ≤ the threshold).</summary>
    private static double Leaf(RegressionTree tree, float[] x)
    {
        if (tree.NumberOfLeaves == 1)
        {
            return tree.LeafValues[0];
        }

        int node = 0;
        while (node >= 0)
        {
            node = x[tree.NumericalSplitFeatureIndexes[node]] <= tree.NumericalSplitThresholds[node] ? tree.LeftChild[node] : tree.RightChild[node];
        }

        return tree.LeafValues[~node];
    }

    /// <summary>ML.NET's calibrated output.</summary>
    private sealed class Prediction
    {
        public float Probability { get; set; }
    }

    /// <summary>One training row for ML.NET.</summary>
    private sealed class FeatureRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>The columns of a design for twang's es.mean: mean |SMD| over the columns after weighting by a propensity.</summary>
    private sealed class BalanceColumns
    {
        private readonly IndicatorDesign design;
        private readonly int[] rows;
        private readonly double[] pooledSd;

        public BalanceColumns(IndicatorDesign design, int[] rows)
        {
            this.design = design;
            this.rows = rows;
            pooledSd = new double[design.Columns - 1];
            for (int j = 0; j < pooledSd.Length; j++)
            {
                var cti = rows.Where(r => design.Outcome[r]).Select(r => design.Value(r, j + 1)).ToList();
                var kr = rows.Where(r => !design.Outcome[r]).Select(r => design.Value(r, j + 1)).ToList();
                pooledSd[j] = cti.Count < 2 || kr.Count < 2 ? 0 : Math.Sqrt((Descriptive.Variance(cti) + Descriptive.Variance(kr)) / 2);
            }
        }

        /// <summary>Mean absolute SMD after weighting, over the columns with a positive pooled SD.</summary>
        public double MeanAbsoluteSmd(double[] p)
        {
            int dense = design.DenseColumns, columns = pooledSd.Length;
            var sumCti = new double[columns];
            var sumKr = new double[columns];
            double totalCti = 0, totalKr = 0;
            for (int r = 0; r < rows.Length; r++)
            {
                int i = rows[r];
                bool cti = design.Outcome[i];
                double w = cti ? 1 / p[r] : 1 / (1 - p[r]);
                var sums = cti ? sumCti : sumKr;
                if (cti)
                {
                    totalCti += w;
                }
                else
                {
                    totalKr += w;
                }

                for (int j = 0; j < dense; j++)
                {
                    sums[j] += w * design.Dense[(i * dense) + j];
                }

                if (design.Indicator[i] >= 0)
                {
                    sums[dense + design.Indicator[i]] += w;
                }
            }

            double total = 0;
            int counted = 0;
            for (int j = 0; j < columns; j++)
            {
                if (pooledSd[j] > 0)
                {
                    total += Math.Abs((sumCti[j] / totalCti) - (sumKr[j] / totalKr)) / pooledSd[j];
                    counted++;
                }
            }

            return counted == 0 ? 0 : total / counted;
        }
    }
}
