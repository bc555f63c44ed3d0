using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Tests.Parsing;

/// <summary>Numbers as SPEC §2 reads them: plain digits, a decimal point or comma, a sign; nothing else.</summary>
public sealed class ValueParserTests
{
    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("007", 7.0)]
    [InlineData("123456789", 123456789.0)]
    [InlineData("1234567890", 1234567890.0)]
    [InlineData("2,5", 2.5)]
    [InlineData("2.5", 2.5)]
    [InlineData("-3", -3.0)]
    [InlineData("0", 0.0)]
    public void A_number_is_read_with_its_value(string text, double expected)
    {
        Assert.True(ValueParser.TryNumber(Cell.FromText(text), out var value, out var error));
        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4a")]
    [InlineData("1 000")]
    [InlineData("\u0663")] // an Arabic-Indic three: a digit, but not one of ours
    [InlineData("1e5")]
    [InlineData("NaN")]
    public void Anything_else_is_not_a_number(string text)
    {
        Assert.False(ValueParser.TryNumber(Cell.FromText(text), out var value, out var error));
        Assert.Null(value);
        Assert.Equal("not a number", error);
    }

    [Fact]
    public void An_empty_cell_is_no_value_and_no_error()
    {
        Assert.True(ValueParser.TryNumber(Cell.Empty, out var value, out var error));
        Assert.Null(value);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("45", 45)]
    [InlineData("2.0", 2)]
    public void A_whole_number_may_be_written_with_decimals_of_zero(string text, int expected)
    {
        Assert.True(ValueParser.TryWholeNumber(Cell.FromText(text), out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void A_fraction_is_not_a_whole_number()
    {
        Assert.False(ValueParser.TryWholeNumber(Cell.FromText("2.5"), out var value, out var error));
        Assert.Null(value);
        Assert.Equal("not a whole number", error);
    }
}
