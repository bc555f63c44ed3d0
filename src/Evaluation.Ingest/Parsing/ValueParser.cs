using System.Globalization;
using Evaluation.Domain.Values;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Parsing;

/// <summary>
/// Parses one cell into a typed value as SPEC §2 allows: ISO or Danish dates or Excel date cells,
/// decimal comma, yes/no in Danish or English or 1/0. A failure returns a reason a clerk understands.
/// </summary>
public static class ValueParser
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "d-M-yyyy", "d.M.yyyy"];

    public static bool TryDate(Cell cell, out DateOnly? value, out string? error)
    {
        value = null;
        error = null;
        if (cell.IsEmpty)
        {
            return true;
        }

        if (cell.IsDate)
        {
            var d = cell.GetDate();
            if (d.TimeOfDay != TimeSpan.Zero)
            {
                error = "a date is expected, not a date with a time of day";
                return false;
            }

            value = DateOnly.FromDateTime(d);
            return true;
        }

        var text = cell.Text;

        // ISO dates are the common case: parse them without the format list.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' &&
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            value = iso;
            return true;
        }

        // Exports from spreadsheets sometimes carry a midnight time: "2024-03-01 00:00:00".
        if (text.EndsWith(" 00:00:00", StringComparison.Ordinal) || text.EndsWith("T00:00:00", StringComparison.Ordinal))
        {
            text = text[..^9];
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = "not a real date (use yyyy-MM-dd, dd-MM-yyyy or dd.MM.yyyy)";
        return false;
    }

    public static bool TryNumber(Cell cell, out double? value, out string? error)
    {
        value = null;
        error = null;
        if (cell.IsEmpty)
        {
            return true;
        }

        if (cell.IsNumber)
        {
            value = cell.GetNumber();
            return true;
        }

        var text = cell.Text.Replace(',', '.');
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            value = parsed;
            return true;
        }

        error = "not a number";
        return false;
    }

    public static bool TryWholeNumber(Cell cell, out int? value, out string? error)
    {
        value = null;
        if (!TryNumber(cell, out var number, out error))
        {
            error = "not a whole number";
            return false;
        }

        if (number is null)
        {
            return true;
        }

        if (number != Math.Floor(number.Value) || Math.Abs(number.Value) > int.MaxValue)
        {
            error = "not a whole number";
            return false;
        }

        value = (int)number.Value;
        return true;
    }

    public static bool TryYesNo(Cell cell, out bool? value, out string? error)
    {
        value = null;
        error = null;
        if (cell.IsEmpty)
        {
            return true;
        }

        if (cell.IsBoolean)
        {
            value = cell.GetBoolean();
            return true;
        }

        switch (cell.Text.ToLowerInvariant())
        {
            case "yes" or "ja" or "1" or "true" or "sand":
                value = true;
                return true;
            case "no" or "nej" or "0" or "false" or "falsk":
                value = false;
                return true;
            default:
                error = "not yes/no (use yes/no, ja/nej, 1/0 or true/false)";
                return false;
        }
    }

    /// <summary>A checklist item answer: yes/no as above, or na / "ikke relevant".</summary>
    public static bool TryItemAnswer(Cell cell, out ItemAnswer? value, out string? error)
    {
        value = null;
        error = null;
        if (cell.IsEmpty)
        {
            return true;
        }

        var text = cell.Text.ToLowerInvariant();
        if (text is "na" or "n/a" or "ikke relevant" or "ikke_relevant" or "ir")
        {
            value = ItemAnswer.NotApplicable;
            return true;
        }

        if (TryYesNo(cell, out var yes, out _) && yes is not null)
        {
            value = yes.Value ? ItemAnswer.Yes : ItemAnswer.No;
            return true;
        }

        error = "not yes/no/na (use yes, no, na, ja, nej, ikke relevant, 1 or 0)";
        return false;
    }

    /// <summary>A code of an enumeration (case-insensitive), e.g. a wave or a contact kind.</summary>
    public static bool TryCode<T>(Cell cell, out T? value, out string? error)
        where T : struct, Enum
    {
        value = null;
        error = null;
        if (cell.IsEmpty)
        {
            return true;
        }

        if (Codes.TryParse<T>(cell.Text.Trim(), out var parsed))
        {
            value = parsed;
            return true;
        }

        error = $"not one of {string.Join(", ", Codes.All<T>())}";
        return false;
    }
}
