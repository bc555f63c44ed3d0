namespace Evaluation.Analytics.Tests.Statistics;

/// <summary>Relative comparison with an absolute floor for values near zero.</summary>
internal static class Close
{
    public static void Equal(double expected, double? actual, double relative, string what)
    {
        Assert.True(actual is not null, $"{what}: expected {expected}, got null");
        double tolerance = relative * Math.Max(Math.Abs(expected), 1e-3);
        Assert.True(Math.Abs(expected - actual!.Value) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }
}
