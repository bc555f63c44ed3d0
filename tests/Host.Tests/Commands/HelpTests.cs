using System.Text.RegularExpressions;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Commands;

/// <summary>What <c>--help</c> shows: ISO dates, the value each option wants, and help for every command.</summary>
public sealed partial class HelpTests : IDisposable
{
    private readonly TempFolder home = new();

    private Dictionary<string, string?> Environment() => new() { ["EVALUATION_HOME"] = home.Path, ["EVALUATION_DB"] = null };

    [Theory]
    [InlineData("outcomes")]
    [InlineData("fidelity")]
    [InlineData("report")]
    [InlineData("export")]
    public async Task Help_ShowsAsOfAsAnIsoDate_DefaultingToToday(string command)
    {
        var result = await Cli.RunAsync(Environment(), command, "--help");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n'), l => l.Contains("--as-of", StringComparison.Ordinal));
        Assert.Contains("--as-of <yyyy-MM-dd>", line, StringComparison.Ordinal);
        Assert.Contains("[default: today]", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("demo", "--help")]
    [InlineData("db", "--help")]
    [InlineData("ingest", "--help")]
    [InlineData("generate", "--help")]
    [InlineData("outcomes", "--help")]
    [InlineData("fidelity", "--help")]
    [InlineData("report", "--help")]
    [InlineData("export", "--help")]
    [InlineData("serve", "--help")]
    [InlineData("bench", "--help")]
    [InlineData("bench", "outcomes", "--help")]
    public async Task Help_ExitsWith0_AndShowsNoUsFormattedDate(params string[] args)
    {
        var result = await Cli.RunAsync(Environment(), args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotMatch(UsDate(), result.StdErr);
        Assert.Equal("", result.StdOut);
    }

    [GeneratedRegex(@"\d{1,2}/\d{1,2}/\d{4}")]
    private static partial Regex UsDate();

    public void Dispose() => home.Dispose();
}
