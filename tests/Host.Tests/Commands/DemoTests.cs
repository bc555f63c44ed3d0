using Evaluation.TestSupport;
using Npgsql;

namespace Evaluation.Host.Tests.Commands;

/// <summary>The main job on a fresh home: creates the embedded cluster, ingests, computes, and `db` prints a working connection string.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly TempFolder home = new();

    [Fact]
    public async Task Demo_OnAFreshHome_IngestsAndComputes_AndDbPrintsAWorkingConnectionString()
    {
        var environment = new Dictionary<string, string?> { ["EVALUATION_HOME"] = home.Path, ["EVALUATION_DB"] = null };

        var demo = await Cli.RunAsync(environment, "demo");

        Assert.True(demo.ExitCode == 0, demo.StdErr);
        Assert.Contains("Results written to", demo.StdErr, StringComparison.Ordinal);
        var results = Directory.GetDirectories(Path.Combine(home.Path, "reports")).Single();
        Assert.True(File.Exists(Path.Combine(results, "outcomes.json")));
        Assert.Equal(10, Directory.GetFiles(results, "*.xlsx").Length); // report and management workbook: four municipalities and all of them

        var db = await Cli.RunAsync(environment, "db");
        Assert.Equal(0, db.ExitCode);
        await using var connection = new NpgsqlConnection(db.StdOut.Trim());
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM courses", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! > 250);

        await Cli.RunAsync(environment, "db", "--stop");
    }

    public void Dispose() => home.Dispose();
}
