using Evaluation.Data.Embedded;
using Evaluation.Host.Platform;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Platform;

/// <summary>
/// SPEC §9: several servers share one database without doing work twice, and a job survives its
/// server dying or PostgreSQL stopping under it, with every file's data loaded exactly once.
/// </summary>
public sealed class ScaleOutAndFaultTests : IAsyncLifetime
{
    private static readonly string[] Tables = ["staff", "courses", "checklists", "contacts", "plans", "answers", "shelter_stays", "tenancies"];

    // Only the test starts the ingest job, so that the job under test is the only one that could load the files.
    private static readonly Dictionary<string, string> TriggeredOnly = new()
    {
        ["EVALUATION_Serve__Schedule__Inbox"] = "0 0 31 2 *",
        ["EVALUATION_Serve__InvisibilityTimeoutSeconds"] = "5",
        ["EVALUATION_Serve__RetryDelaysSeconds__0"] = "2",
        ["EVALUATION_Serve__RetryDelaysSeconds__1"] = "2",
        ["EVALUATION_Serve__RetryDelaysSeconds__2"] = "5",
        ["EVALUATION_Serve__RetryDelaysSeconds__3"] = "10",
    };

    private readonly PostgresFixture postgres = new();
    private readonly TempFolder folder = new();

    private string Home => folder.Combine("home");

    private string Inbox => folder.Combine("inbox");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await postgres.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Two_servers_on_one_database_ingest_each_file_once_and_render_once()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var first = await ServeProcess.StartAsync(Home, database, Inbox);
        await using var second = await ServeProcess.StartAsync(Home, database, Inbox);

        int dropped = SampleInbox.Drop(SampleInbox.SampleData, Inbox);
        await Wait.UntilAsync(
            async () => SampleInbox.Waiting(Inbox) == 0 && await Wait.ScalarAsync<long>(database, "SELECT count(*) FROM result_runs") == 1,
            TimeSpan.FromMinutes(3), () => first.Log + second.Log);

        Assert.Equal(2L, await Wait.ScalarAsync<long>(database, "SELECT count(*) FROM hangfire.server"));
        Assert.Equal(dropped, await Wait.ScalarAsync<long>(database, "SELECT count(*) FROM ingest_files"));
        await AssertLoadedOnceAsync(database, SampleInbox.SampleData);
        Assert.Single(await Jobs.OfMethodAsync(database, Jobs.RenderReports));
    }

    [Fact]
    public async Task A_job_of_a_killed_server_is_taken_up_by_the_next_server()
    {
        var database = await postgres.NewDatabaseAsync();
        var data = SampleInbox.Generate(folder, 4000, 7);
        var first = await ServeProcess.StartAsync(Home, database, Inbox, TriggeredOnly);
        int dropped = SampleInbox.Drop(data, Inbox);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the settle time
        Jobs.Trigger(database, PlatformHost.InboxJob);

        // Killed midway: some files are loaded and archived, others still wait.
        await Wait.UntilAsync(() => Task.FromResult(Archived() > 0), TimeSpan.FromMinutes(1), () => first.Log);
        first.Kill();
        Assert.InRange(SampleInbox.Waiting(Inbox), 1, dropped - 1);
        var job = Assert.Single(await Jobs.OfMethodAsync(database, Jobs.IngestInbox));
        Assert.Equal("Processing", job.State);

        await using var second = await ServeProcess.StartAsync(Home, database, Inbox, TriggeredOnly);
        await Wait.UntilAsync(
            async () => (await Jobs.OfMethodAsync(database, Jobs.IngestInbox)).Single().State == "Succeeded",
            TimeSpan.FromMinutes(2), () => second.Log);

        var processedBy = (await Jobs.HistoryAsync(database, job.Id)).Where(s => s.Name == "Processing").Select(s => s.Server).ToList();
        Assert.Contains(processedBy, s => s.Contains($":{first.Id}:", StringComparison.Ordinal));
        Assert.Contains(processedBy, s => s.Contains($":{second.Id}:", StringComparison.Ordinal));
        Assert.Equal(0, SampleInbox.Waiting(Inbox));
        Assert.Equal(dropped, Archived());
        await AssertLoadedOnceAsync(database, data);
        await first.DisposeAsync();
    }

    [Fact]
    public async Task A_job_that_loses_PostgreSQL_midway_fails_retries_once_it_is_back_and_loads_everything_once()
    {
        var cluster = new EmbeddedCluster(folder.Combine("postgres"), new EmbeddedClusterOptions { Durable = false });
        var database = cluster.Start();
        try
        {
            var data = SampleInbox.Generate(folder, 4000, 11);
            await using var server = await ServeProcess.StartAsync(Home, database, Inbox, TriggeredOnly);
            int dropped = SampleInbox.Drop(data, Inbox);
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // the settle time
            Jobs.Trigger(database, PlatformHost.InboxJob);

            await Wait.UntilAsync(() => Task.FromResult(Archived() > 0), TimeSpan.FromMinutes(1), () => server.Log);
            cluster.Stop();
            Assert.True(SampleInbox.Waiting(Inbox) > 0);
            await Task.Delay(TimeSpan.FromSeconds(3));
            cluster.Start();

            await Wait.UntilAsync(
                async () => (await Jobs.OfMethodAsync(database, Jobs.IngestInbox)).Single().State == "Succeeded",
                TimeSpan.FromMinutes(3), () => server.Log);
            var job = (await Jobs.OfMethodAsync(database, Jobs.IngestInbox)).Single();
            Assert.Contains(await Jobs.HistoryAsync(database, job.Id), s => s.Reason.StartsWith("Retry attempt", StringComparison.Ordinal));
            Assert.Equal(dropped, Archived());
            await AssertLoadedOnceAsync(database, data);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            cluster.Stop();
        }
    }

    [Fact]
    public async Task A_job_that_keeps_failing_ends_in_the_dashboards_failed_list_with_its_reason()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var server = await ServeProcess.StartAsync(Home, database, Inbox, new Dictionary<string, string>
        {
            ["EVALUATION_Serve__Schedule__Inbox"] = "0 0 31 2 *",
            ["EVALUATION_Serve__RetryDelaysSeconds__0"] = "1",
        });

        // The inbox folder is replaced by a file: every scan fails, however often it is retried.
        Directory.Delete(Inbox, recursive: true);
        File.WriteAllText(Inbox, "not a folder");
        Jobs.Trigger(database, PlatformHost.InboxJob);

        await Wait.UntilAsync(async () => (await Jobs.OfMethodAsync(database, Jobs.IngestInbox)).Single().State == "Failed", TimeSpan.FromMinutes(1), () => server.Log);
        var job = (await Jobs.OfMethodAsync(database, Jobs.IngestInbox)).Single();
        var history = await Jobs.HistoryAsync(database, job.Id);
        Assert.Contains(history, s => s.Reason.StartsWith("Retry attempt 1 of 1", StringComparison.Ordinal));
        using var http = new HttpClient();
        var failed = await http.GetStringAsync($"{server.DashboardUrl}/jobs/failed");
        Assert.Contains("Ingest new files in the inbox", failed, StringComparison.Ordinal);
        Assert.Contains("IOException", await http.GetStringAsync($"{server.DashboardUrl}/jobs/details/{job.Id}"), StringComparison.Ordinal);
    }

    private int Archived() =>
        Directory.Exists(Path.Combine(Inbox, "archive"))
            ? Directory.GetFiles(Path.Combine(Inbox, "archive"), "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".report.json", StringComparison.Ordinal))
            : 0;

    /// <summary>Every table holds what one plain <c>evaluation ingest</c> of the same files into an empty database gives.</summary>
    private async Task AssertLoadedOnceAsync(string database, string files)
    {
        var reference = await postgres.NewDatabaseAsync();
        var ingest = await Cli.RunAsync(new Dictionary<string, string?> { ["EVALUATION_HOME"] = Home, ["EVALUATION_DB"] = reference }, "ingest", files);
        Assert.True(ingest.ExitCode == 0, ingest.StdErr);
        foreach (var table in Tables)
        {
            var expected = await Wait.ScalarAsync<long>(reference, $"SELECT count(*) FROM {table}");
            Assert.True(expected > 0, table);
            Assert.Equal((table, expected), (table, await Wait.ScalarAsync<long>(database, $"SELECT count(*) FROM {table}")));
        }

        Assert.Equal(await Wait.ScalarAsync<long>(reference, "SELECT count(*) FROM ingest_files"), await Wait.ScalarAsync<long>(database, "SELECT count(*) FROM ingest_files"));
    }
}
