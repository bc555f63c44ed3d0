using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Evaluation.Host.Platform.Board;

/// <summary>
/// Parses a newly published run as soon as it appears, so that no manager's request waits for the
/// parse (about a second for 20,000 courses): the pages then only render from memory.
/// </summary>
public sealed class BoardWarmer(BoardStore store, ServeOptions serve, ILogger<BoardWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, serve.PollSeconds)));
        do
        {
            try
            {
                if (await store.LatestRunAsync(false, stoppingToken) is { } run)
                {
                    await store.ResultsAsync(run, stoppingToken);
                }
            }
            catch (Exception e) when (e is NpgsqlException or IOException or System.Text.Json.JsonException or InvalidDataException)
            {
                // The database away or a folder half-copied: the next tick, or the next request, tries again.
                logger.LogDebug("The latest results could not be read ahead: {Reason}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
