using System.Text.Json;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Commands;

/// <summary>
/// The exit codes of README "Exit codes": 0 done (quarantined rows included), 1 failed at run time,
/// 2 usage or configuration error; a user never sees a stack trace.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly TempFolder home = new();

    private Dictionary<string, string?> Environment(string? database = null) =>
        new() { ["EVALUATION_HOME"] = home.Path, ["EVALUATION_DB"] = database, ["EVALUATION_DEBUG"] = null };

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData(new[] { "outcomes", "--bogus" }, "Unrecognized command or argument '--bogus'")]
    [InlineData(new[] { "outcomes", "--as-of", "31-10-2026" }, "--as-of wants a date as yyyy-MM-dd, not '31-10-2026'")]
    [InlineData(new[] { "ingest" }, "Required argument missing for command: 'ingest'")]
    [InlineData(new[] { "generate" }, "Option '--out' is required")]
    [InlineData(new[] { "generate", "--courses", "0", "--out", "x" }, "--courses 0: expected a whole number, 1 or more")]
    [InlineData(new[] { "report", "--lang", "de", "--out", "x" }, "de")]
    [InlineData(new[] { "fidelity", "--data", "/no/such/folder" }, "/no/such/folder")]
    [InlineData(new[] { "bench" }, "Required command was not provided")]
    [InlineData(new[] { "bench", "outcomes", "--resample", "5" }, "Did you mean '--resamples'?\nerror: Unrecognized command or argument '5'.\nSee 'evaluation bench outcomes --help'.")]
    [InlineData(new[] { "frobnicate" }, "'frobnicate'")]
    [InlineData(new[] { "outcome" }, "Unrecognized command or argument 'outcome'. Did you mean 'outcomes'?")]
    [InlineData(new[] { "fidelity", "--as-off", "2026-10-31" }, "Unrecognized command or argument '--as-off'. Did you mean '--as-of'?")]
    public async Task Command_ExitsWith2AndSystemCommandLinesMessage_OnAUsageError(string[] args, string message)
    {
        var result = await Cli.RunAsync(Environment(), args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--help'.", Lines(result.StdErr)[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", result.StdErr, StringComparison.Ordinal); // the message, not the whole help page
        Assert.Equal("", result.StdOut);
    }

    [Theory]
    [InlineData(new[] { "--project", "p1" }, "--purpose and --out are required")]
    [InlineData(new[] { "--purpose", "why", "--out", "x" }, "--project is required")]
    [InlineData(new string[0], "--project and --purpose and --out are required")]
    public async Task Export_NamesExactlyTheMissingOptions_BeforeTouchingTheDatabase(string[] given, string message)
    {
        var result = await Cli.RunAsync(Environment(), ["export", .. given]);

        Assert.Equal(2, result.ExitCode);
        var line = Lines(result.StdErr)[0];
        Assert.Equal($"error: {message} for an export (or give --log to list the exports)", line);
        Assert.False(Directory.Exists(Path.Combine(home.Path, "postgres")), "a usage error must not start the embedded database");
    }

    [Theory]
    [InlineData("a b", "--project 'a b': a project name may hold letters, digits, '-' and '_' only")]
    public async Task Export_ExitsWith2_WhenTheProjectNameIsNotAllowed(string project, string message)
    {
        var result = await Cli.RunAsync(Environment(), "export", "--project", project, "--purpose", "p", "--out", home.Combine("x"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fidelity_ExitsWith1InOneLine_WhenTheDatabaseCannotBeReached()
    {
        var result = await Cli.RunAsync(Environment("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=3"), "fidelity", "--as-of", "2026-10-31");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.StartsWith("error: Failed to connect to 127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fidelity_KeepsTheStackTrace_OnlyWithEvaluationDebug()
    {
        var environment = Environment("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=3");
        environment["EVALUATION_DEBUG"] = "1";

        var result = await Cli.RunAsync(environment, "fidelity", "--as-of", "2026-10-31");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Failed to connect", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("   at ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcomes_ExitsWith0_WhenRowsAreQuarantined()
    {
        var inbox = home.Combine("inbox");
        Assert.Equal(0, (await Cli.RunAsync(Environment(), "generate", "--courses", "60", "--seed", "7", "--out", inbox)).ExitCode);

        var result = await Cli.RunAsync(Environment(), "outcomes", "--data", inbox, "--as-of", "2026-10-31", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("were not usable", result.StdErr, StringComparison.Ordinal); // the generator always plants bad rows
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal("2026-10-31", json.RootElement.GetProperty("as_of").GetString());
    }

    public void Dispose() => home.Dispose();
}
