using Evaluation.Domain.Instruments;

namespace Evaluation.Domain.Tests.Instruments;

public class InstrumentSetTests
{
    private const string Valid = """
        { "instruments": [ { "code": "X", "items": ["x1", "x2"], "response": { "min": 1, "max": 4 },
          "scoring": "mean", "min_answered": 1, "higher_is_better": true, "reliability": 0.9 } ] }
        """;

    [Fact]
    public void Parse_ReadsAUserDefinition()
    {
        var set = InstrumentSet.Parse(Valid, "my.json");

        Assert.Equal("my.json", set.Source);
        Assert.Equal(["x1", "x2"], set["X"].Items);
        Assert.Equal("X", set.FindItem("X2")!.Value.Instrument.Code);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{}", "\"instruments\"")]
    [InlineData("""{ "instruments": [ { "code": "X", "items": ["x1"], "response": { "min": 1, "max": 4 }, "scoring": "median", "min_answered": 1, "higher_is_better": true } ] }""", "scoring \"median\"")]
    [InlineData("""{ "instruments": [ { "code": "X", "items": ["x1"], "response": { "min": 1, "max": 4 }, "scoring": "sum", "min_answered": 2, "higher_is_better": true } ] }""", "min_answered")]
    [InlineData("""{ "instruments": [ { "code": "X", "items": ["x1"], "response": { "min": 4, "max": 1 }, "scoring": "sum", "min_answered": 1, "higher_is_better": true } ] }""", "max must be above min")]
    [InlineData("""{ "instruments": [ { "code": "X", "items": ["x1"], "response": { "min": 1, "max": 4 }, "reverse": ["y"], "scoring": "sum", "min_answered": 1, "higher_is_better": true } ] }""", "reverse-scored item \"y\"")]
    [InlineData("""{ "instruments": [ { "code": "X", "items": ["x1"], "response": { "min": 1, "max": 4 }, "scoring": "sum", "min_answered": 1 } ] }""", "\"higher_is_better\" is missing")]
    [InlineData("""{ "instruments": [ { "code": "X", "items": ["x1"], "response": { "min": 1, "max": 4 }, "scoring": "sum", "min_answered": 1, "higher_is_better": true, "reliability": 1.5 } ] }""", "reliability")]
    public void Parse_FailsWithAMessageNamingFileAndField(string json, string expected)
    {
        var e = Assert.Throws<InstrumentDefinitionException>(() => InstrumentSet.Parse(json, "my.json"));

        Assert.StartsWith("my.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesTheFile_WhenItCannotBeRead()
    {
        var e = Assert.Throws<InstrumentDefinitionException>(() => InstrumentSet.Load("/nonexistent/instruments.json"));
        Assert.Contains("/nonexistent/instruments.json", e.Message, StringComparison.Ordinal);
    }
}
