using System.Text.Json;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Commands;

/// <summary><c>evaluation ingest</c> through the CLI (issue 15): an empty folder, <c>--dry-run</c>, new and updated rows apart, a bad file among good ones.</summary>
public sealed class IngestCommandTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private const string Header = "course_id,cpr,group,contact_start";
    private readonly TempFolder home = new();
    private readonly TempFolder inbox = new();

    private async Task<Dictionary<string, string?>> EnvironmentAsync() => new()
    {
        ["EVALUATION_HOME"] = home.Path,
        ["EVALUATION_DB"] = await postgres.NewDatabaseAsync(),
    };

    private static List<JsonElement> Files(Cli.Result result)
    {
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        return json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.Clone()).ToList();
    }

    [Fact]
    public async Task Ingest_SaysPlainlyThatNoFilesWereFound_InAnEmptyFolder()
    {
        var environment = await EnvironmentAsync();

        var plain = await Cli.RunAsync(environment, "ingest", inbox.Path);
        var json = await Cli.RunAsync(environment, "ingest", inbox.Path, "--json");

        Assert.Equal(0, plain.ExitCode);
        Assert.Contains($"No input files found in {inbox.Path}", plain.StdErr, StringComparison.Ordinal);
        Assert.Contains("<municipality>/<kind>*.csv", plain.StdErr, StringComparison.Ordinal);
        Assert.Empty(plain.StdOut);
        Assert.Empty(Files(json));
        Assert.Contains("No input files found", json.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SaysNoFilesWereFound_WhenNoFileHasAKnownKind()
    {
        inbox.Write("X/notes.txt", "hello");

        var result = await Cli.RunAsync(await EnvironmentAsync(), "ingest", inbox.Path, "--json");

        Assert.Equal("unknown", Assert.Single(Files(result)).GetProperty("kind").GetString());
        Assert.Contains("No input files found", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_PrintsWhatIngestWould_AndLoadsNothing()
    {
        var environment = await EnvironmentAsync();
        inbox.Write("X/courses.csv", $"{Header}\nA,010190-1234,CTI,2024-01-01\nB,020290-1234,XX,2024-01-01\n");
        inbox.Write("X/contacts.csv", "course_id,date,kind\nA,2024-02-01,phone\n");

        var dryRun = await Cli.RunAsync(environment, "ingest", inbox.Path, "--json", "--dry-run");
        var secondDryRun = await Cli.RunAsync(environment, "ingest", inbox.Path, "--json", "--dry-run");
        var ingest = await Cli.RunAsync(environment, "ingest", inbox.Path, "--json");

        // Had the dry run stored anything, the real ingest would find its rows unchanged.
        Assert.Equal(ingest.StdOut, dryRun.StdOut);
        Assert.Equal(ingest.StdOut, secondDryRun.StdOut);
        var courses = Files(ingest).Single(f => f.GetProperty("file").GetString() == "X/courses.csv");
        Assert.Equal((2, 1, 1, 1), (courses.GetProperty("rows").GetInt32(), courses.GetProperty("inserted").GetInt32(), courses.GetProperty("loaded").GetInt32(), courses.GetProperty("quarantined").GetInt32()));
        Assert.Contains("Dry run: nothing was loaded", dryRun.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TellsUpdatedRowsFromNewOnes_WhenASecondDeliveryReusesCourseIds()
    {
        var environment = await EnvironmentAsync();
        inbox.Write("X/courses.csv", $"{Header}\nA,010190-1234,CTI,2024-01-01\nB,020290-1234,KR,2024-01-01\n");
        var first = Files(await Cli.RunAsync(environment, "ingest", inbox.Path, "--json")).Single();
        using var second = new TempFolder();
        second.Write("X/courses_2.csv", $"{Header}\nA,010190-1234,CTI,2024-02-01\nB,020290-1234,KR,2024-01-01\nC,030390-1234,CTI,2024-01-01\n");

        var result = await Cli.RunAsync(environment, "ingest", second.Path, "--json");
        var summary = await Cli.RunAsync(environment, "ingest", second.Path);

        Assert.Equal((2, 0, 2), (first.GetProperty("inserted").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("loaded").GetInt32()));
        var report = Files(result).Single();
        Assert.Equal((1, 1, 2, 1), (report.GetProperty("inserted").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("loaded").GetInt32(), report.GetProperty("unchanged").GetInt32()));
        Assert.Contains("Updated", summary.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ReportsAnUnreadableFile_AndLoadsTheOthers_WithExitZero()
    {
        inbox.Write("X/courses.csv", $"{Header}\nA,010190-1234,CTI,2024-01-01\n");
        inbox.Write("X/courses_b.xlsx", "this is text, not a workbook\n");
        inbox.Write("X/contacts.csv", "course_id,date,kind\nA,2024-02-01,phone\n");

        var files = Files(await Cli.RunAsync(await EnvironmentAsync(), "ingest", inbox.Path, "--json"));

        var bad = files.Single(f => f.GetProperty("file").GetString() == "X/courses_b.xlsx");
        Assert.Equal(0, bad.GetProperty("errors")[0].GetProperty("row").GetInt32());
        Assert.Equal(1, files.Single(f => f.GetProperty("file").GetString() == "X/contacts.csv").GetProperty("loaded").GetInt32());
        Assert.Equal("UTF-8", files.Single(f => f.GetProperty("file").GetString() == "X/courses.csv").GetProperty("encoding").GetString());
    }

    [Fact]
    public async Task Ingest_QuarantinesAPlaceholderDate_SoFidelityFromTheDatabaseStillRuns()
    {
        var environment = await EnvironmentAsync();
        inbox.Write("X/courses.csv", "course_id,cpr,group,worker_id,move_in_date,contact_start,phase1_start\nA,010190-1234,CTI,W1,0001-01-01,2024-01-01,2024-01-20\nB,020290-1234,CTI,W1,2024-01-15,2024-01-01,2024-01-20\n");

        var courses = Files(await Cli.RunAsync(environment, "ingest", inbox.Path, "--json")).Single();
        var fidelity = await Cli.RunAsync(environment, "fidelity", "--as-of", "2024-06-30", "--json");

        Assert.Equal((1, 1), (courses.GetProperty("loaded").GetInt32(), courses.GetProperty("quarantined").GetInt32()));
        Assert.Equal("move_in_date", courses.GetProperty("errors")[0].GetProperty("column").GetString());
        Assert.Equal(0, fidelity.ExitCode);
        using var json = JsonDocument.Parse(fidelity.StdOut);
        Assert.Equal("B", Assert.Single(json.RootElement.GetProperty("courses").EnumerateArray()).GetProperty("course_id").GetString());
    }

    public void Dispose()
    {
        home.Dispose();
        inbox.Dispose();
    }
}
