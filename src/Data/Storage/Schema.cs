using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Evaluation.Data.Storage;

/// <summary>Brings a database to the current schema by applying the EF Core migrations (on every start).</summary>
public static class Schema
{
    /// <summary>The ids of this build's migrations, in the order EF applies them.</summary>
    private static readonly string[] Migrations = typeof(EvaluationDbContext).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await MigrateAsync(dataSource, connectionString, cancellationToken);
    }

    /// <summary>
    /// The same, checked with a connection of <paramref name="dataSource"/> (for <paramref name="connectionString"/>),
    /// which the caller goes on using: a command that starts needs one connection, not two.
    /// </summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string connectionString, CancellationToken cancellationToken = default)
    {
        // Building the EF model costs about a second; a database that has every migration needs none of it.
        // (The history table's columns are snake_case, as EFCore.NamingConventions names them.)
        if (await IsCurrentAsync(dataSource, cancellationToken))
        {
            return;
        }

        await using var context = new EvaluationDbContext(EvaluationDbContext.Options(connectionString));
        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Whether the database's migration history holds exactly this build's migrations.</summary>
    public static async Task<bool> IsCurrentAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await IsCurrentAsync(dataSource, cancellationToken);
    }

    private static async Task<bool> IsCurrentAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL""", connection);
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return false;
        }

        command.CommandText = """SELECT migration_id FROM "__EFMigrationsHistory" ORDER BY migration_id COLLATE "C" """;
        var applied = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return applied.SequenceEqual(Migrations, StringComparer.Ordinal);
    }
}
