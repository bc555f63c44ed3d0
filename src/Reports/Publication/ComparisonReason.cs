using System.Text.RegularExpressions;

namespace Evaluation.Reports.Publication;

/// <summary>The comparison's reasons (SPEC §6 <c>note</c>, in English) as the report's reader reads them.</summary>
public static partial class ComparisonReason
{
    /// <summary>
    /// The analytics' reason for a missing estimate in the report's language: the comparison states its
    /// reasons in English (the JSON's <c>note</c>), a reader of the Danish report gets them in Danish.
    /// </summary>
    public static string Text(string note, Labels labels)
    {
        var bootstrap = Bootstrap().Match(note);
        if (bootstrap.Success)
        {
            return labels.Format("comparison.reason.bootstrap", bootstrap.Groups[1].Value, bootstrap.Groups[2].Value, bootstrap.Groups[3].Value);
        }

        string? key = note switch
        {
            "no courses with valid baseline and end scores" => "comparison.reason.no_pairs",
            "no courses" => "comparison.reason.no_courses",
            "no CTI courses" => "comparison.reason.no_cti",
            "no KR courses" => "comparison.reason.no_kr",
            "no municipality has both CTI and KR courses (no common support)" => "comparison.reason.no_support",
            "the propensity model gave no estimate" => "comparison.reason.no_estimate",
            "the propensity model did not converge (separation: fitted probabilities numerically 0 or 1)" => "comparison.reason.separation",
            "the propensity model did not converge" => "comparison.reason.no_convergence",
            _ => null,
        };
        return key is null ? note : labels[key];
    }

    [GeneratedRegex(@"^(\d+) of (\d+) bootstrap resamples gave no estimate .*the other (\d+)$")]
    private static partial Regex Bootstrap();
}
