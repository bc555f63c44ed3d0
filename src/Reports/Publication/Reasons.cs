using System.Text.RegularExpressions;

namespace Evaluation.Reports.Publication;

/// <summary>
/// Reasons in the report's language: the quarantine's (ingest writes them in English with the column and
/// value filled in) and the comparison's (SPEC §6 <c>note</c>, in English). Known forms are translated with
/// their parts kept, anything else stays as written.
/// </summary>
public static partial class Reasons
{
    private static readonly (Regex Pattern, string Key)[] Forms =
    [
        (Exact("CPR number does not start with a real birth date (DDMMYY)"), "reason.cpr_date"),
        (Exact("CPR number must be 10 digits, written DDMMYY-SSSS or DDMMYYSSSS"), "reason.cpr_digits"),
        (Exact("no courses with valid baseline and end scores"), "comparison.reason.no_pairs"),
        (Exact("no courses"), "comparison.reason.no_courses"),
        (Exact("no CTI courses"), "comparison.reason.no_cti"),
        (Exact("no KR courses"), "comparison.reason.no_kr"),
        (Exact("no municipality has both CTI and KR courses (no common support)"), "comparison.reason.no_support"),
        (Exact("the propensity model gave no estimate"), "comparison.reason.no_estimate"),
        (Exact("the propensity model did not converge (separation: fitted probabilities numerically 0 or 1)"), "comparison.reason.separation"),
        (Exact("the propensity model did not converge"), "comparison.reason.no_convergence"),
        (new Regex(@"^(\d+) of (\d+) bootstrap resamples gave no estimate .*the other (\d+)$", RegexOptions.CultureInvariant), "comparison.reason.bootstrap"),
        (Exact("a date is expected, not a date with a time of day"), "reason.date_time"),
        (Exact("a value is required here"), "reason.required"),
        (Exact("an end reason needs an end_date"), "reason.end_reason_needs_date"),
        (Exact("must be above 0 and at most 1"), "reason.fte"),
        (Exact("no course with this course_id (neither in the database nor in this delivery)"), "reason.no_course"),
        (Exact("not a number"), "reason.not_number"),
        (Exact("not a real date (use yyyy-MM-dd, dd-MM-yyyy or dd.MM.yyyy)"), "reason.not_date"),
        (Exact("not a whole number"), "reason.not_whole"),
        (Exact("not yes/no (use yes/no, ja/nej, 1/0 or true/false)"), "reason.not_yes_no"),
        (Exact("not yes/no/na (use yes, no, na, ja, nej, ikke relevant, 1 or 0)"), "reason.not_yes_no_na"),
        (Exact("unknown column; its values are not loaded"), "reason.unknown_column"),
        (new Regex(@"^must be between (\S+) and (\S+)$", RegexOptions.CultureInvariant), "reason.between"),
        (new Regex(@"^must be (\S+) or more$", RegexOptions.CultureInvariant), "reason.at_least"),
        (new Regex(@"^(\S+) is before (\S+)$", RegexOptions.CultureInvariant), "reason.before"),
        (new Regex(@"^outside the (\S+) response range \(whole numbers (\S+)–(\S+)\)$", RegexOptions.CultureInvariant), "reason.range"),
        (new Regex(@"^item (\S+) does not belong to the (\S+) checklist$", RegexOptions.CultureInvariant), "reason.item_checklist"),
        (new Regex(@"^not one of (.+)$", RegexOptions.CultureInvariant), "reason.not_one_of"),
        (new Regex(@"^the same (.+) is already in row (\d+) of this file$", RegexOptions.CultureInvariant), "reason.duplicate"),
        (new Regex(@"^the file has no (\S+) column$", RegexOptions.CultureInvariant), "reason.missing_column"),
    ];

    /// <summary>The reason in the labels' language; English reasons pass through unchanged.</summary>
    public static string Translate(string reason, Labels labels)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Language == "en")
        {
            return reason;
        }

        foreach (var (pattern, key) in Forms)
        {
            var match = pattern.Match(reason);
            if (match.Success && labels.TryGet(key) is { } text)
            {
                return string.Format(labels.Culture, text, match.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray());
            }
        }

        return reason;
    }

    private static Regex Exact(string text) => new("^" + Regex.Escape(text) + "$", RegexOptions.CultureInvariant);
}
