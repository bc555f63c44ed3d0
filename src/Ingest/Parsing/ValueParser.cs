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

        // The three fixed shapes (yyyy-MM-dd, dd-MM-yyyy, dd.MM.yyyy) are read digit by digit:
        // the format-list parser was a quarter of ingest's CPU time.
        if (TryFixedDate(text, out var fixedDate))
        {
            value = fixedDate;
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

    private static bool TryFixedDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10)
        {
            return false;
        }

        int year, month, day;
        if (text[4] == '-' && text[7] == '-')
        {
            (year, month, day) = (Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2));
        }
        else if ((text[2] == '-' && text[5] == '-') || (text[2] == '.' && text[5] == '.'))
        {
            (day, month, year) = (Digits(text, 0, 2), Digits(text, 3, 2), Digits(text, 6, 4));
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The number written by <paramref name="count"/> ASCII digits, or −1 when one is no digit.</summary>
    private static int Digits(string text, int start, int count)
    {
        int value = 0;
        for (int i = start; i < start + count; i++)
        {
            int digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
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

        // Most numbers are a few plain digits (answers 1–5, minutes, counts): read digit by digit,
        // as the general parser costs several times more and ran for every answer and contact.
        var text = cell.Text;
        if (text.Length is > 0 and <= 9 && Digits(text, 0, text.Length) is >= 0 and var whole)
        {
            value = whole;
            return true;
        }

        text = text.Replace(',', '.');
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
