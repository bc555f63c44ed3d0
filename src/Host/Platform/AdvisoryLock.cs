using Npgsql;

namespace Evaluation.Host.Platform;

/// <summary>
/// A PostgreSQL session advisory lock held on its own connection: one holder across every server
/// that shares the database. Should the holder die, PostgreSQL ends its session and the lock is free
/// at once (a lock row in a table would stay until it timed out).
/// </summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly string name;

    private AdvisoryLock(NpgsqlConnection connection, string name)
    {
        this.connection = connection;
        this.name = name;
    }

    /// <summary>The lock, or null when another session holds it.</summary>
    public static Task<AdvisoryLock?> TryAcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken) =>
        LockAsync(dataSource, name, "SELECT pg_try_advisory_lock(hashtext(@name))", cancellationToken);

    /// <summary>Waits for the lock.</summary>
    public static async Task<AdvisoryLock> AcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken) =>
        (await LockAsync(dataSource, name, "SELECT true FROM pg_advisory_lock(hashtext(@name))", cancellationToken))!;

    /// <summary>Runs a lock query that answers whether the lock was taken, on a connection kept for the lock.</summary>
    private static async Task<AdvisoryLock?> LockAsync(NpgsqlDataSource dataSource, string name, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("name", name);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return new AdvisoryLock(connection, name);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@name))", connection);
            command.Parameters.AddWithValue("name", name);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The session is gone (server restarted or connection broken), and the lock with it.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
