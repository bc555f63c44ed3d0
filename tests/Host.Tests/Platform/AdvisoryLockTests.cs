using Evaluation.Host.Platform;
using Evaluation.TestSupport;
using Npgsql;

namespace Evaluation.Host.Tests.Platform;

/// <summary>One inbox scan at a time across servers, and no lock outlives a dead holder.</summary>
public sealed class AdvisoryLockTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_held_lock_is_refused_to_others_until_released()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var first = NpgsqlDataSource.Create(database);
        await using var second = NpgsqlDataSource.Create(database);

        var held = await AdvisoryLock.TryAcquireAsync(first, "test:scan", CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await AdvisoryLock.TryAcquireAsync(second, "test:scan", CancellationToken.None));
        await using (var other = await AdvisoryLock.TryAcquireAsync(second, "test:other", CancellationToken.None))
        {
            Assert.NotNull(other); // locks of other names are independent
        }

        await held!.DisposeAsync();
        await using var again = await AdvisoryLock.TryAcquireAsync(second, "test:scan", CancellationToken.None);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task The_lock_of_a_holder_whose_session_died_is_free_at_once()
    {
        await using var source = NpgsqlDataSource.Create(await postgres.NewDatabaseAsync());
        var held = await AdvisoryLock.TryAcquireAsync(source, "test:dead", CancellationToken.None);
        Assert.NotNull(held);

        // Kill the holder's session from outside, as when its server process dies.
        await using (var kill = source.CreateCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()"))
        {
            await kill.ExecuteNonQueryAsync();
        }

        await Task.Delay(200);
        await using var next = await AdvisoryLock.TryAcquireAsync(source, "test:dead", CancellationToken.None);
        Assert.NotNull(next);
        await held!.DisposeAsync(); // releasing on a dead session is harmless
    }
}
