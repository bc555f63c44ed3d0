using Evaluation.Host.Platform;
using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;

namespace Evaluation.Host.Tests.Platform;

/// <summary>What the tests read and do in a server's Hangfire storage, from outside the server.</summary>
internal static class Jobs
{
    /// <summary>Fires a recurring job now, as the dashboard's "Trigger now" button does.</summary>
    public static void Trigger(string connectionString, string recurringJobId)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        var storage = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
        new RecurringJobManager(storage).Trigger(recurringJobId);
    }

    /// <summary>Jobs of one method with their current state, oldest first.</summary>
    public static async Task<IReadOnlyList<(long Id, string State)>> OfMethodAsync(string connectionString, string method)
    {
        var jobs = new List<(long, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, coalesce(statename, '') FROM hangfire.job WHERE invocationdata->>'Method' = @method ORDER BY id", connection);
        command.Parameters.AddWithValue("method", method);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            jobs.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return jobs;
    }

    /// <summary>A job's state history: (state, reason, server id of a Processing state), oldest first.</summary>
    public static async Task<IReadOnlyList<(string Name, string Reason, string Server)>> HistoryAsync(string connectionString, long jobId)
    {
        var states = new List<(string, string, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT name, coalesce(reason, ''), coalesce(data->>'ServerId', '') FROM hangfire.state WHERE jobid = @id ORDER BY id", connection);
        command.Parameters.AddWithValue("id", jobId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            states.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return states;
    }

    public const string IngestInbox = nameof(PlatformJobs.IngestInboxAsync);
    public const string RenderReports = nameof(PlatformJobs.RenderReportsAsync);
}
