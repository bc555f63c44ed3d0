using System.Globalization;
using System.Text.RegularExpressions;

namespace Evaluation.Domain.People;

/// <summary>
/// A Danish CPR number, validated as SPEC §2 says: a real birth date whose century follows
/// from the 7th digit, and no modulus-11 check (numbers without it have been issued since 2007).
/// The number itself is never printed: <see cref="ToString"/> masks it.
/// </summary>
public sealed partial class CprNumber
{
    private readonly string digits;

    private CprNumber(string digits, DateOnly birthDate)
    {
        this.digits = digits;
        BirthDate = birthDate;
    }

    public DateOnly BirthDate { get; }

    /// <summary>'F' (even last digit) or 'M' (odd last digit), as the CPR office assigns them.</summary>
    public char Sex => (digits[9] - '0') % 2 == 0 ? 'F' : 'M';

    /// <summary>The ten digits, for keyed hashing only. Never log or store this.</summary>
    public string Digits => digits;

    /// <summary>Parses <c>DDMMYY-SSSS</c> or <c>DDMMYYSSSS</c>; returns null with a reason when invalid.</summary>
    public static CprNumber? TryParse(string? text, out string? error)
    {
        error = null;
        var s = text?.Trim() ?? "";
        if (s.Length == 11 && s[6] == '-')
        {
            s = string.Concat(s.AsSpan(0, 6), s.AsSpan(7));
        }

        if (s.Length != 10 || !s.All(char.IsAsciiDigit))
        {
            error = "CPR number must be 10 digits, written DDMMYY-SSSS or DDMMYYSSSS";
            return null;
        }

        int day = int.Parse(s.AsSpan(0, 2), CultureInfo.InvariantCulture);
        int month = int.Parse(s.AsSpan(2, 2), CultureInfo.InvariantCulture);
        int yy = int.Parse(s.AsSpan(4, 2), CultureInfo.InvariantCulture);
        int year = yy + Century(s[6] - '0', yy);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "CPR number does not start with a real birth date (DDMMYY)";
            return null;
        }

        return new CprNumber(s, new DateOnly(year, month, day));
    }

    /// <summary>The century rule of the CPR office, by the 7th digit (first digit of the serial number).</summary>
    internal static int Century(int seventhDigit, int yy) => seventhDigit switch
    {
        <= 3 => 1900,
        4 or 9 => yy <= 36 ? 2000 : 1900,
        _ => yy <= 57 ? 2000 : 1800,
    };

    /// <summary>Masked form, safe for logs: birth date part only, serial hidden.</summary>
    public override string ToString() => Mask(digits);

    /// <summary>Masks anything that could be a CPR number: keeps the first two characters, hides the rest.</summary>
    public static string Mask(string value) =>
        value.Length <= 2 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 2), new string('*', value.Length - 2));

    /// <summary>
    /// Masks every substring shaped like a CPR number (six digits, an optional separator, four
    /// digits) wherever it stands in a text: a value, a column name, a message. The first two digits
    /// stay, as <see cref="Mask"/> keeps them, so that a clerk can still find the row.
    /// </summary>
    public static string MaskAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ContainsCprShape(text) ? CprShape().Replace(text, m => Mask(m.Value)) : text;
    }

    /// <summary>
    /// The CPR-shaped substrings of a text as ten ASCII digits (the separator dropped, other digits
    /// read as the digits they are), for checking whether one of them is a real CPR number.
    /// </summary>
    public static IEnumerable<string> Candidates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CprShape().Matches(text).Select(m => new string(m.Value.Where(char.IsDigit).Select(c => (char)('0' + (int)char.GetNumericValue(c))).ToArray()));
    }

    /// <summary>Whether a text holds a substring shaped like a CPR number anywhere.</summary>
    public static bool ContainsCprShape(string? text) => text is not null && text.Length >= 10 && HasTenDigits(text) && CprShape().IsMatch(text);

    /// <summary>A cheap first look: a CPR number has ten digits, and most ids and names have fewer.</summary>
    private static bool HasTenDigits(string text)
    {
        int digits = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c) && ++digits == 10)
            {
                return true;
            }
        }

        return false;
    }

    // Any digits, not only ASCII: a CPR number typed in full-width or other digits is masked too.
    // The separator as people type it: a hyphen (or a dash or minus a word processor made of it),
    // a space (also a non-breaking one), a dot or a slash.
    [GeneratedRegex(@"\d{6}[-\u2010-\u2015\u2212 \u00A0./]?\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex CprShape();

    /// <summary>True when a text looks like it could be a CPR number (10 digits, optional dash after 6).</summary>
    public static bool LooksLikeCpr(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var digitsOnly = value.Where(char.IsAsciiDigit).Count();
        return digitsOnly >= 9 && digitsOnly <= 11;
    }
}
