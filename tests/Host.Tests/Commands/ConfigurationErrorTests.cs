using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Commands;

/// <summary>
/// A bad configuration value, instrument file or settings file ends in one line per problem naming
/// the key or file, the value and what is expected; exit 2, no stack trace (README "Exit codes").
/// </summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly TempFolder home = new();

    private Dictionary<string, string?> Environment(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string?> { ["EVALUATION_HOME"] = home.Path, ["EVALUATION_DB"] = null };
        foreach (var (key, value) in settings)
        {
            environment["EVALUATION_" + key] = value;
        }

        return environment;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertNoStackTrace(Cli.Result result)
    {
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public async Task Fidelity_EndsInOneLineNamingKeyValueAndExpectation_WhenANumberIsNotANumber()
    {
        var result = await Cli.RunAsync(Environment(("Outcomes__TenancyWindowDays", "abc")), "fidelity", "--as-of", "2026-10-31");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("Outcomes:TenancyWindowDays", line, StringComparison.Ordinal);
        Assert.Contains("\"abc\"", line, StringComparison.Ordinal);
        Assert.Contains("expected a whole number", line, StringComparison.Ordinal);
        Assert.Contains("environment variable EVALUATION_Outcomes__TenancyWindowDays", line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
        Assert.False(Directory.Exists(Path.Combine(home.Path, "postgres")), "nothing may run on a bad configuration");
    }

    [Fact]
    public async Task Outcomes_EndsInOneLineNamingTheFile_WhenTheColumnVocabularyFileIsBad()
    {
        var file = home.Write("columns.json", "{ \"columns\": { \"no_such_column\": [\"alias\"] } }");

        var result = await Cli.RunAsync(Environment(("Ingest__VocabularyFile", file)), "outcomes", "--data", home.Path, "--json");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("no_such_column", line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("Outcomes__BootstrapResamples", "0", "Outcomes:BootstrapResamples", "1 or more")]
    [InlineData("Outcomes__LonelinessReference", "1.5", "Outcomes:LonelinessReference", "between 0 and 1")]
    [InlineData("Outcomes__LonelinessReference", "0,3", "Outcomes:LonelinessReference", "with a point for decimals")]
    [InlineData("Fidelity__HighBand", "120", "Fidelity:HighBand", "from 0 to 100")]
    [InlineData("Fidelity__ModerateBand", "90", "Fidelity:ModerateBand", "from 0 to Fidelity:HighBand (80)")]
    [InlineData("Fidelity__PhaseMinDays", "200", "Fidelity:PhaseMaxDays", "at least Fidelity:PhaseMinDays (200)")]
    [InlineData("Reports__Language", "de", "Reports:Language", "da or en")]
    [InlineData("Reports__DiscretionThreshold", "0", "Reports:DiscretionThreshold", "1 or more")]
    [InlineData("Serve__Port", "70000", "Serve:Port", "from 1 to 65535")]
    [InlineData("Serve__Bind", "localhost:80", "Serve:Bind", "an IP address")]
    [InlineData("Serve__Schedule__Inbox", "every minute", "Serve:Schedule:Inbox", "cron expression")]
    [InlineData("Serve__RetryDelaysSeconds__0", "soon", "Serve:RetryDelaysSeconds:0", "a whole number (each item of the list)")]
    public async Task Outcomes_ExitsWith2AndNamesTheKey_WhenAValueIsOutOfRangeOrOfTheWrongType(string variable, string value, string key, string expected)
    {
        var result = await Cli.RunAsync(Environment((variable, value)), "outcomes", "--as-of", "2026-10-31");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Outcomes_ReportsEveryBadKey_OneLineEach()
    {
        var result = await Cli.RunAsync(Environment(("Outcomes__BootstrapResamples", "many"), ("Fidelity__CaseloadLimit", "ten")), "outcomes");

        Assert.Equal(2, result.ExitCode);
        var lines = Lines(result.StdErr);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("Outcomes:BootstrapResamples", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Fidelity:CaseloadLimit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outcomes_SuggestsTheSetting_WhenAKeyIsMisspelt()
    {
        var result = await Cli.RunAsync(Environment(("Outcomes__BootstrapResample", "500")), "outcomes");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains("Outcomes:BootstrapResample ", line, StringComparison.Ordinal);
        Assert.Contains("did you mean Outcomes:BootstrapResamples?", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcomes_NamesTheSettingsFile_WhenTheBadValueComesFromIt()
    {
        var settings = home.Write("appsettings.json", """{ "Fidelity": { "PhaseOverdueDays": -5 } }""");

        var result = await Cli.RunAsync(Environment(), "outcomes");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains("Fidelity:PhaseOverdueDays is \"-5\"", line, StringComparison.Ordinal);
        Assert.Contains(settings, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcomes_EndsInOneLineNamingTheSettingsFile_WhenItIsNotJson()
    {
        var settings = home.Write("appsettings.json", """{ "Outcomes": { "BootstrapResamples": 1000, } """);

        var result = await Cli.RunAsync(Environment(), "outcomes");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains(settings, line, StringComparison.Ordinal);
        Assert.Contains("expected a readable JSON file of settings", line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Help_StillWorks_WhenTheConfigurationIsBad()
    {
        var result = await Cli.RunAsync(Environment(("Outcomes__TenancyWindowDays", "abc")), "outcomes", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--as-of", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "cannot be read")]
    [InlineData("{ \"instruments\": [", "not valid JSON")]
    [InlineData("""{ "instruments": [ { "code": "X", "items": ["x1"], "response": { "min": 1, "max": 4 }, "scoring": "sum", "min_answered": 0, "higher_is_better": true } ] }""", "min_answered is 0: expected 1 to the number of items (1)")]
    [InlineData("""{ "instruments": [ { "code": "X", "items": ["x1"], "response": { "min": 1, "max": 4, "yes_no": "no" }, "scoring": "sum", "min_answered": 1, "higher_is_better": true } ] }""", "\"yes_no\" is \"no\": expected true or false")]
    public async Task Outcomes_EndsInOneLineNamingTheInstrumentFile_WhenItIsBad(string? content, string expected)
    {
        var inbox = home.Combine("inbox");
        Assert.Equal(0, (await Cli.RunAsync(Environment(), "generate", "--courses", "20", "--out", inbox)).ExitCode);
        var file = content is null ? home.Combine("missing.json") : home.Write("instruments.json", content);

        var result = await Cli.RunAsync(Environment(("Instruments__File", file)), "outcomes", "--data", inbox, "--as-of", "2026-10-31", "--json");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    public void Dispose() => home.Dispose();
}
