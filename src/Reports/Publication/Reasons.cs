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
        (Exact("looks like a CPR number; a CPR number belongs in the cpr column only and is never stored in clear"), "reason.cpr_in_value"),
        (Exact("holds a NUL byte, which is no text (is the file UTF-16 without a byte-order mark, or not a text file?)"), "reason.nul"),
        (Exact("holds bytes that are not UTF-8 (shown as \uFFFD); the rest of the file is UTF-8, so save the file again as UTF-8"), "reason.not_utf8"),
        (new Regex(@"^holds a control character \((U\+[0-9A-F]{4})\), which is no text; remove it$", RegexOptions.CultureInvariant), "reason.control"),
        (new Regex(@"^an Excel error cell \((.+)\): the formula has no value; fix it or clear the cell$", RegexOptions.CultureInvariant), "reason.excel_error"),
        (Exact("a formula without a stored result: open the workbook in Excel and save it again"), "reason.formula_no_result"),
        (new Regex(@"^part of the merged cell (\S+): unmerge it and fill in every row$", RegexOptions.CultureInvariant), "reason.merged"),
        (new Regex(@"^longer than (\d+) characters, the limit Ingest:MaxCellLength$", RegexOptions.CultureInvariant), "reason.too_long"),
        (new Regex(@"^outside the accepted dates (\S+) to (\S+) \(a placeholder date\?\)$", RegexOptions.CultureInvariant), "reason.date_range"),
        (new Regex(@"^the row has (\d+) values but the header has (\d+) columns \(a separator or quote is off\)$", RegexOptions.CultureInvariant), "reason.field_count"),
        (new Regex(@"^a value in column (\S+), which has no name in the header$", RegexOptions.CultureInvariant), "reason.unnamed_value"),
        (new Regex(@"^the file has (?:an unknown column|unknown columns): (.+); the file is not loaded \(see row 1 for the closest known names\)$", RegexOptions.CultureInvariant), "reason.unknown_columns"),
        (new Regex(@"^the column (\S+) appears twice in the header$", RegexOptions.CultureInvariant), "reason.column_twice"),
        (Exact("the row names no municipality and the file is not in a municipality folder (<inbox>/<municipality>/<file>)"), "reason.no_municipality_folder"),
        (Exact("the row names no municipality and the name of its municipality folder looks like a CPR number"), "reason.municipality_folder_cpr"),
        (new Regex(@"^(?:ALL is what the results call all municipalities together; a municipality cannot have that name|the row names no municipality and its folder is called ALL, which is what the results call all municipalities together)$", RegexOptions.CultureInvariant), "reason.municipality_all"),
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
