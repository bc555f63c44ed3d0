using Evaluation.Data.Embedded;
using Evaluation.TestSupport;
using Npgsql;

namespace Evaluation.Data.Tests.Embedded;

/// <summary>The embedded default database: a real cluster per home folder, created once and reused.</summary>
public sealed class EmbeddedClusterTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly List<EmbeddedCluster> started = [];

    [Fact]
    public async Task Start_CreatesAClusterThatAcceptsConnections_AndReusesItLater()
    {
        var cluster = Start(folder.Combine("home", "postgres"));
        var first = cluster.Start();
        await Execute(first, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");

        // A later run (a new object, as in a new process) finds the same running cluster and data.
        var again = new EmbeddedCluster(folder.Combine("home", "postgres"));
        var second = again.Start();

        Assert.Equal(Port(first), Port(second));
        Assert.Equal(42, await Scalar(second, "SELECT x FROM kept"));
    }

    [Fact]
    public async Task Start_RestartsAStoppedCluster_WithItsData()
    {
        var cluster = Start(folder.Combine("restart"));
        await Execute(cluster.Start(), "CREATE TABLE kept (x int); INSERT INTO kept VALUES (7)");
        cluster.Stop();
        NpgsqlConnection.ClearAllPools();
        Assert.False(cluster.IsRunning());

        var connection = cluster.Start();

        Assert.True(cluster.IsRunning());
        Assert.Equal(7, await Scalar(connection, "SELECT x FROM kept"));
    }

    [Fact]
    public async Task TwoHomes_NeverShareData()
    {
        var a = Start(folder.Combine("a")).Start();
        var b = Start(folder.Combine("b")).Start();
        await Execute(a, "CREATE TABLE only_in_a (x int)");

        Assert.NotEqual(Port(a), Port(b));
        Assert.Equal(1, await Scalar(a, "SELECT count(*)::int FROM pg_tables WHERE tablename = 'only_in_a'"));
        Assert.Equal(0, await Scalar(b, "SELECT count(*)::int FROM pg_tables WHERE tablename = 'only_in_a'"));
    }

    [Fact]
    public void Start_ListensOnLoopbackOnly_WithAPassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(Start(folder.Combine("c")).Start());

        Assert.Equal("127.0.0.1", builder.Host);
        Assert.False(string.IsNullOrEmpty(builder.Password));
        var conf = File.ReadAllText(folder.Combine("c", "data", "postgresql.conf"));
        Assert.Contains("listen_addresses = '127.0.0.1'", conf, StringComparison.Ordinal);
    }

    private EmbeddedCluster Start(string path)
    {
        var cluster = new EmbeddedCluster(path, new EmbeddedClusterOptions { Durable = false });
        started.Add(cluster);
        return cluster;
    }

    private static int Port(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Port;

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var cluster in started)
        {
            cluster.Stop();
        }

        folder.Dispose();
    }
}
