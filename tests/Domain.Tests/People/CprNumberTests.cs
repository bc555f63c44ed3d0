using Evaluation.Domain.People;

namespace Evaluation.Domain.Tests.People;

public class CprNumberTests
{
    [Theory]
    // 7th digit 0–3: always 19xx.
    [InlineData("010170-0123", 1970, 1, 1)]
    [InlineData("3112993456", 1999, 12, 31)]
    [InlineData("010100-2000", 1900, 1, 1)]
    // 4 and 9: 20xx up to YY 36, else 19xx.
    [InlineData("150536-4001", 2036, 5, 15)]
    [InlineData("150537-4001", 1937, 5, 15)]
    [InlineData("010110-9002", 2010, 1, 1)]
    [InlineData("010190-9002", 1990, 1, 1)]
    // 5–8: 20xx up to YY 57, else 18xx.
    [InlineData("290208-5000", 2008, 2, 29)]
    [InlineData("010157-8000", 2057, 1, 1)]
    [InlineData("010158-6000", 1858, 1, 1)]
    public void TryParse_DerivesBirthDate_WithTheCenturyFromTheSeventhDigit(string text, int year, int month, int day)
    {
        var cpr = CprNumber.TryParse(text, out var error);

        Assert.Null(error);
        Assert.NotNull(cpr);
        Assert.Equal(new DateOnly(year, month, day), cpr.BirthDate);
    }

    [Theory]
    [InlineData("310299-4000")] // 31 February
    [InlineData("290201-1234")] // 29 February 1901 is no leap day
    [InlineData("290200-1234")] // 1900 was no leap year (7th digit 1 → 19xx)
    [InlineData("001290-1234")] // day 0
    [InlineData("011390-1234")] // month 13
    public void TryParse_RejectsNumbers_ThatDoNotStartWithARealDate(string text)
    {
        Assert.Null(CprNumber.TryParse(text, out var error));
        Assert.Contains("real birth date", error);
    }

    [Fact]
    public void TryParse_AcceptsLeapDay_In2000_WhenTheCenturyRuleSays2000()
    {
        // 7th digit 4 and YY 00 → 2000, a leap year.
        Assert.NotNull(CprNumber.TryParse("290200-4123", out _));
    }

    [Theory]
    [InlineData("0101701234")]
    [InlineData("010170-1234")]
    public void TryParse_AcceptsNumbersThatFailModulus11(string text)
    {
        // 0101701234: weights 4,3,2,7,6,5,4,3,2,1 give 0+4+0+7+42+0+4+6+6+4 = 73, not divisible by 11.
        var digits = text.Replace("-", "", StringComparison.Ordinal);
        int[] weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
        Assert.NotEqual(0, digits.Select((c, i) => (c - '0') * weights[i]).Sum() % 11);

        Assert.NotNull(CprNumber.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("0101701234567")]
    [InlineData("01017O-1234")]
    [InlineData("010170/1234")]
    public void TryParse_RejectsWrongShapes(string text)
    {
        Assert.Null(CprNumber.TryParse(text, out var error));
        Assert.Contains("10 digits", error);
    }

    [Fact]
    public void ToString_NeverShowsTheNumber()
    {
        var cpr = CprNumber.TryParse("010170-1234", out _)!;

        Assert.DoesNotContain("0101701234", cpr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1234", cpr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("010170-1234", 'F')]
    [InlineData("010170-1235", 'M')]
    public void Sex_FollowsTheLastDigit(string text, char sex) =>
        Assert.Equal(sex, CprNumber.TryParse(text, out _)!.Sex);

    [Theory]
    [InlineData("KR (cpr 030190-1234, tlf 12345678)", "KR (cpr 03*********, tlf 12345678)")]
    [InlineData("0301901234", "03********")]
    [InlineData("\uFF10\uFF13\uFF10\uFF11\uFF19\uFF10-\uFF11\uFF12\uFF13\uFF14", "\uFF10\uFF13*********")]
    [InlineData("kommune 123", "kommune 123")]
    public void MaskAll_HidesEveryCprShapedPart_InAnyDigits(string text, string masked) =>
        Assert.Equal(masked, CprNumber.MaskAll(text));
}
