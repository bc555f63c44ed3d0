using System.Text.Json;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Commands;

/// <summary>End to end through the CLI: generate → ingest → outcomes and fidelity, JSON on stdout only.</summary>
public sealed class CommandLineTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly TempFolder home = new();

    private async Task<Dictionary<string, string?>> EnvironmentAsync(bool database = true) => new()
    {
        ["EVALUATION_HOME"] = home.Path,
        ["EVALUATION_DB"] = database ? await postgres.NewDatabaseAsync() : null,
    };

    private async Task<string> GenerateAsync(int courses = 60)
    {
        var inbox = home.Combine("inbox");
        var result = await Cli.RunAsync(await EnvironmentAsync(false), "generate", "--courses", courses.ToString(), "--seed", "7", "--out", inbox);
        Assert.Equal(0, result.ExitCode);
        return inbox;
    }

    [Fact]
    public async Task Ingest_PrintsOneJsonDocument_WithRowsAccountedFor()
    {
        var inbox = await GenerateAsync();
        var environment = await EnvironmentAsync();

        var result = await Cli.RunAsync(environment, "ingest", inbox, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(32, files.Count);
        Assert.All(files, f => Assert.Equal(f.GetProperty("rows").GetInt32(),
            f.GetProperty("loaded").GetInt32() + f.GetProperty("unchanged").GetInt32() + f.GetProperty("quarantined").GetInt32()));
        Assert.Contains(files, f => f.GetProperty("errors").GetArrayLength() > 0);

        var again = await Cli.RunAsync(environment, "ingest", inbox, "--json");
        using var second = JsonDocument.Parse(again.StdOut);
        Assert.All(second.RootElement.GetProperty("files").EnumerateArray(), f => Assert.Equal(0, f.GetProperty("loaded").GetInt32()));
    }

    [Fact]
    public async Task OutcomesAndFidelity_FromTheDatabase_EqualThoseFromTheFolder()
    {
        var inbox = await GenerateAsync();
        var environment = await EnvironmentAsync();
        Assert.Equal(0, (await Cli.RunAsync(environment, "ingest", inbox)).ExitCode);

        foreach (var command in new[] { "outcomes", "fidelity" })
        {
            var fromDatabase = await Cli.RunAsync(environment, command, "--as-of", "2026-10-31", "--json");
            var fromFolder = await Cli.RunAsync(environment, command, "--data", inbox, "--as-of", "2026-10-31", "--json");

            Assert.Equal(0, fromDatabase.ExitCode);
            Assert.Equal(fromFolder.StdOut, fromDatabase.StdOut);
            using var json = JsonDocument.Parse(fromDatabase.StdOut);
            Assert.Equal("2026-10-31", json.RootElement.GetProperty("as_of").GetString());
        }
    }

    [Fact]
    public async Task Outcomes_Json_HasTheSpecKeys_AndPlainNumbersOrNulls()
    {
        var inbox = await GenerateAsync();

        var result = await Cli.RunAsync(await EnvironmentAsync(false), "outcomes", "--data", inbox, "--as-of", "2026-10-31", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        foreach (var key in new[] { "as_of", "change", "loneliness_high", "trajectory", "comparison", "housing_retention", "repeat_shelter" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }

        var change = root.GetProperty("change")[0];
        foreach (var key in new[] { "instrument", "municipality", "group", "from", "to", "n", "mean_from", "mean_to", "mean_change", "sd_change", "ci_low", "ci_high", "p_value", "d_z", "improved", "deteriorated", "unchanged" })
        {
            Assert.True(change.TryGetProperty(key, out var value), key);
            Assert.NotEqual(JsonValueKind.String, key is "instrument" or "municipality" or "group" or "from" or "to" ? JsonValueKind.Number : value.ValueKind);
        }

        var housing = root.GetProperty("housing_retention")[0];
        foreach (var key in new[] { "municipality", "group", "n", "events", "s_180", "s_365", "ci_low_365", "ci_high_365" })
        {
            Assert.True(housing.TryGetProperty(key, out _), key);
        }

        var shelter = root.GetProperty("repeat_shelter")[0];
        foreach (var key in new[] { "cuminc_365", "ci_low_365", "ci_high_365", "n_followed_365", "n_repeat_365" })
        {
            Assert.True(shelter.TryGetProperty(key, out _), key);
        }

        var trajectory = root.GetProperty("trajectory")[0];
        foreach (var key in new[] { "intercept", "months", "group_cti", "months_group_cti" })
        {
            Assert.True(trajectory.GetProperty("fixed").TryGetProperty(key, out _), key);
            Assert.True(trajectory.GetProperty("se").TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public async Task Fidelity_Json_HasTheSpecShape()
    {
        var inbox = await GenerateAsync();

        var result = await Cli.RunAsync(await EnvironmentAsync(false), "fidelity", "--data", inbox, "--as-of", "2026-10-31", "--json");

        using var json = JsonDocument.Parse(result.StdOut);
        var course = json.RootElement.GetProperty("courses")[0];
        foreach (var key in new[] { "checklists", "phase_timing", "tapering", "plan", "needs_assessment", "handover", "documentation" })
        {
            Assert.True(course.GetProperty("components").TryGetProperty(key, out _), key);
        }

        Assert.Equal(JsonValueKind.Array, course.GetProperty("missing_items").ValueKind);
        Assert.True(json.RootElement.GetProperty("workers")[0].TryGetProperty("caseload_score", out _));
        Assert.True(json.RootElement.GetProperty("municipalities")[0].TryGetProperty("high", out _));
        Assert.True(json.RootElement.GetProperty("phase_board")[0].TryGetProperty("overdue", out _));
    }

    [Fact]
    public async Task NoOutput_EverHoldsACprNumber()
    {
        var inbox = await GenerateAsync(30);
        var cprs = Directory.GetFiles(inbox, "*.csv", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f, System.Text.Encoding.Latin1))
            .SelectMany(line => System.Text.RegularExpressions.Regex.Matches(line, @"\b\d{6}-\d{4}\b").Select(m => m.Value))
            .ToHashSet();
        Assert.NotEmpty(cprs);
        var environment = await EnvironmentAsync();

        var outputs = new List<Cli.Result>
        {
            await Cli.RunAsync(environment, "ingest", inbox, "--json"),
            await Cli.RunAsync(environment, "outcomes", "--as-of", "2026-10-31", "--json"),
            await Cli.RunAsync(environment, "fidelity", "--as-of", "2026-10-31", "--json"),
        };

        foreach (var output in outputs)
        {
            foreach (var cpr in cprs)
            {
                Assert.DoesNotContain(cpr, output.StdOut, StringComparison.Ordinal);
                Assert.DoesNotContain(cpr.Replace("-", "", StringComparison.Ordinal), output.StdOut, StringComparison.Ordinal);
                Assert.DoesNotContain(cpr, output.StdErr, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task BadArguments_GiveAClearMessage_AndANonZeroExit()
    {
        var result = await Cli.RunAsync(await EnvironmentAsync(false), "outcomes", "--as-of", "31-10-2026");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--as-of wants a date as yyyy-MM-dd", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut.Trim());
    }

    [Fact]
    public async Task Export_WritesTheFiles_AndAnAuditRecordThatTheLogLists()
    {
        var inbox = await GenerateAsync(80);
        var environment = await EnvironmentAsync();
        var output = home.Combine("export");

        var export = await Cli.RunAsync(environment, "export", "--data", inbox, "--as-of", "2026-10-31", "--project", "study1", "--purpose", "Effect of CTI on loneliness", "--out", output);
        var log = await Cli.RunAsync(environment, "export", "--log");

        Assert.True(export.ExitCode == 0, export.StdErr);
        Assert.True(File.Exists(Path.Combine(output, "courses.parquet")));
        Assert.True(File.Exists(Path.Combine(output, "disclosure_report.md")));
        Assert.True(File.Exists(Path.Combine(home.Path, "keys", "project-study1.key")));
        Assert.Contains("\"project\": \"study1\"", log.StdOut, StringComparison.Ordinal);
        Assert.Contains("Effect of CTI on loneliness", log.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"course_rows\"", log.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WritesTheReportAndTheManagementWorkbook_PerMunicipalityAndAcross()
    {
        var inbox = await GenerateAsync(80);
        var output = home.Combine("reports");

        var result = await Cli.RunAsync(await EnvironmentAsync(false), "report", "--data", inbox, "--as-of", "2026-10-31", "--out", output, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal(10, Directory.GetFiles(output, "*.xlsx").Length);
        Assert.Contains("All_municipalities_report_2026-10-31.xlsx", Directory.GetFiles(output).Select(Path.GetFileName));
        Assert.Contains("All_municipalities_management_2026-10-31.xlsx", Directory.GetFiles(output).Select(Path.GetFileName));

        // Progress on stderr, one line per workbook; nothing on stdout but the summary.
        Assert.Equal(10, result.StdErr.Split('\n').Count(l => l.StartsWith("wrote ", StringComparison.Ordinal)));
    }

    public void Dispose() => home.Dispose();
}
