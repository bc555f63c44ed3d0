using System.Text.Json;
using System.Text.RegularExpressions;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Commands;

/// <summary>
/// Long commands say what they are doing on stderr; with stderr redirected (a log, CI, this test) as
/// plain timestamped lines, and never on stdout, which carries only the requested document.
/// </summary>
public sealed partial class ProgressTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly TempFolder home = new();

    private Dictionary<string, string?> Environment() => new() { ["EVALUATION_HOME"] = home.Path, ["EVALUATION_DB"] = null };

    [Fact]
    public async Task Generate_ReportsItsStage_AsTimestampedLinesOnStderr()
    {
        var result = await Cli.RunAsync(Environment(), "generate", "--courses", "40", "--out", home.Combine("inbox"));

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(Stage("Generating 40 courses ..."), result.StdErr);
        Assert.Matches(Stage(@"Generating 40 courses: done in \d+\.\d s"), result.StdErr);
        Assert.Equal("", result.StdOut);
    }

    [Theory]
    [InlineData("outcomes", "Computing outcomes")]
    [InlineData("fidelity", "Computing fidelity")]
    public async Task Command_ReportsReadingAndComputing_OnStderr_AndKeepsStdoutOneJsonDocument(string command, string computing)
    {
        var inbox = home.Combine("inbox");
        Assert.Equal(0, (await Cli.RunAsync(Environment(), "generate", "--courses", "40", "--out", inbox)).ExitCode);

        var result = await Cli.RunAsync(Environment(), command, "--data", inbox, "--as-of", "2026-10-31", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(Stage($"Reading {Regex.Escape(inbox)}: done in"), result.StdErr);
        Assert.Matches(Stage($"{computing}.*: done in"), result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Fact]
    public async Task ReadingAFolder_NamesEveryFileThatIsNotRead_WithItsReason()
    {
        var inbox = home.Combine("inbox");
        Assert.Equal(0, (await Cli.RunAsync(Environment(), "generate", "--courses", "40", "--out", inbox)).ExitCode);
        var municipality = Directory.GetDirectories(inbox)[0];
        File.WriteAllText(Path.Combine(municipality, "answers_broken.xlsx"), "course_id;wave\nA;baseline\n");

        var result = await Cli.RunAsync(Environment(), "outcomes", "--data", inbox, "--as-of", "2026-10-31", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{Path.GetFileName(municipality)}/answers_broken.xlsx (the file): not an .xlsx workbook", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ReportsItsStages_OnStderr()
    {
        var inbox = home.Combine("inbox");
        Assert.Equal(0, (await Cli.RunAsync(Environment(), "generate", "--courses", "40", "--out", inbox)).ExitCode);
        var environment = Environment();
        environment["EVALUATION_DB"] = await postgres.NewDatabaseAsync();
        var result = await Cli.RunAsync(environment, "export", "--data", inbox, "--as-of", "2026-10-31", "--project", "p1", "--purpose", "test", "--out", home.Combine("export"));

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Matches(Stage("Computing and writing the export: done in"), result.StdErr);
    }

    private static Regex Stage(string pattern) => new($@"(?m)^\d\d:\d\d:\d\d {pattern}");

    public void Dispose() => home.Dispose();
}
