using Evaluation.TestSupport;
using Npgsql;

namespace Evaluation.Data.Tests.Storage;

public sealed class SchemaTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Migrations_CreateEveryTableOfTheSpec()
    {
        var connectionString = await postgres.NewDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        string[] expected = ["courses", "checklists", "contacts", "plans", "answers", "shelter_stays", "tenancies", "staff", "ingest_files", "quarantine", "change_history", "audit_log", "__EFMigrationsHistory"];
        Assert.All(expected, t => Assert.Contains(t, tables));
    }

    [Fact]
    public async Task Migrations_AreIdempotent_OnAMigratedDatabase()
    {
        var connectionString = await postgres.NewDatabaseAsync();

        await Data.Storage.Schema.MigrateAsync(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*)::int FROM \"__EFMigrationsHistory\"", connection);
        Assert.True((int)(await command.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task IsCurrent_OnlyWhenTheHistoryHoldsEveryMigrationOfThisBuild()
    {
        var connectionString = await postgres.NewDatabaseAsync();
        Assert.True(await Data.Storage.Schema.IsCurrentAsync(connectionString));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var forget = new NpgsqlCommand("DELETE FROM \"__EFMigrationsHistory\" WHERE migration_id = (SELECT max(migration_id) FROM \"__EFMigrationsHistory\")", connection))
        {
            await forget.ExecuteNonQueryAsync();
        }

        Assert.False(await Data.Storage.Schema.IsCurrentAsync(connectionString));
        await using (var drop = new NpgsqlCommand("DROP TABLE \"__EFMigrationsHistory\"", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        Assert.False(await Data.Storage.Schema.IsCurrentAsync(connectionString));
    }

    [Fact]
    public async Task Courses_HaveNoColumnForTheCprNumber()
    {
        var connectionString = await postgres.NewDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*)::int FROM information_schema.columns WHERE table_schema = 'public' AND column_name ILIKE '%cpr%'", connection);

        Assert.Equal(0, (int)(await command.ExecuteScalarAsync())!);
    }
}
