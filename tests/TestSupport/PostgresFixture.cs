using Evaluation.Data.Embedded;
using Evaluation.Data.Storage;
using Npgsql;
using Xunit;

namespace Evaluation.TestSupport;

/// <summary>
/// A real PostgreSQL for integration tests, started through the product's own embedded-cluster code
/// in one throw-away folder shared by all test assemblies of a run; each test class gets a fresh,
/// migrated database of its own.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedCluster? cluster;
    private readonly List<string> databases = [];

    public static string ClusterFolder =>
        Environment.GetEnvironmentVariable("EVALUATION_TEST_PG") ?? Path.Combine(Path.GetTempPath(), "evaluation-test-postgres");

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A new empty database with the current schema.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var admin = await ClusterAsync();
        var name = "test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin.ConnectionStringFor("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        databases.Add(name);
        var connectionString = admin.ConnectionStringFor(name);
        await Schema.MigrateAsync(connectionString);
        return connectionString;
    }

    public async Task DisposeAsync()
    {
        if (cluster is null || databases.Count == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(cluster.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        foreach (var name in databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<EmbeddedCluster> ClusterAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (cluster is null)
            {
                var c = new EmbeddedCluster(ClusterFolder, new EmbeddedClusterOptions { Durable = false });
                c.Start();
                cluster = c;
            }

            return cluster;
        }
        finally
        {
            Gate.Release();
        }
    }
}
