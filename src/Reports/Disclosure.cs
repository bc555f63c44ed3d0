namespace Evaluation.Reports;

/// <summary>
/// Statistical discretion (SPEC §7): a count of persons from 1 to k − 1 is shown as "&lt;k", and so
/// is any statistic computed on fewer than k persons; a total is suppressed too when one of its
/// parts is, so that the hidden part cannot be recomputed by subtraction. k defaults to 5.
/// </summary>
public sealed class Disclosure(int threshold = 5)
{
    public int Threshold { get; } = threshold >= 1 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold));

    /// <summary>What a suppressed cell shows.</summary>
    public string Mark => $"<{Threshold}";

    /// <summary>
    /// What a total shows when it is hidden only so that a hidden part cannot be recomputed: "..",
    /// as Statistics Denmark marks discretion, since the total itself is not small.
    /// </summary>
    public const string SecondaryMark = "..";

    /// <summary>A count of persons: 0 and counts from k up are shown, 1 to k − 1 hidden.</summary>
    public object Count(int n) => n == 0 || n >= Threshold ? n : Mark;

    public bool Hides(int n) => n > 0 && n < Threshold;

    /// <summary>A statistic on n persons: hidden when n &lt; k, empty when it could not be computed.</summary>
    public object? Statistic(double? value, int n) => n < Threshold ? (n == 0 ? null : Mark) : value;

    /// <summary>
    /// A table of counts whose last row may be the total of the rows above (ALL over the
    /// municipalities, say) and whose last column the total of the columns before it. Cells of 1 to
    /// k − 1 are shown as "&lt;k"; then every total whose parts include a hidden cell is hidden as well
    /// (shown as <see cref="SecondaryMark"/>), so that no hidden cell can be recomputed by subtraction.
    /// </summary>
    public object[,] Grid(int[,] counts, bool lastRowIsTotal, bool lastColumnIsTotal)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var small = new bool[rows, columns];
        var hidden = new bool[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                hidden[r, c] = small[r, c] = Hides(counts[r, c]);
            }
        }

        if (lastColumnIsTotal)
        {
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns - 1; c++)
                {
                    hidden[r, columns - 1] |= hidden[r, c];
                }
            }
        }

        if (lastRowIsTotal)
        {
            for (int c = 0; c < columns; c++)
            {
                for (int r = 0; r < rows - 1; r++)
                {
                    hidden[rows - 1, c] |= hidden[r, c];
                }
            }
        }

        var shown = new object[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                shown[r, c] = small[r, c] ? Mark : hidden[r, c] ? SecondaryMark : counts[r, c];
            }
        }

        return shown;
    }
}
