using System.Text.Json;
using Evaluation.Analytics.Fidelity;
using Npgsql;

namespace Evaluation.Host.Platform.Board;

/// <summary>
/// Where the pages get their data: the latest row of <c>result_runs</c> (one cheap query per request)
/// and the <c>fidelity.json</c> that publish wrote into its folder, parsed once per run and kept;
/// the deliveries from <c>ingest_files</c> and <c>quarantine</c>, read once per new ingested file.
/// Nothing is computed per request.
/// </summary>
public sealed class BoardStore(Func<CancellationToken, Task<NpgsqlDataSource>> dataSource)
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private BoardResults? results;
    private Deliveries? deliveries;

    public BoardStore(App app)
        : this(app is null ? throw new ArgumentNullException(nameof(app)) : app.DataSourceAsync)
    {
    }

    /// <summary>The latest publish, or null before the first.</summary>
    public async Task<ResultRun?> LatestRunAsync(bool withWorkbooks, CancellationToken cancellationToken)
    {
        var source = await dataSource(cancellationToken);
        await using var command = source.CreateCommand(
            $"SELECT id, data_version, as_of, workbooks, finished_at, folder FROM result_runs {(withWorkbooks ? "WHERE workbooks" : "")} ORDER BY finished_at DESC, id DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ResultRun(reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<DateOnly>(2), reader.GetBoolean(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5))
            : null;
    }

    /// <summary>The results of <paramref name="run"/>, parsed on the first request after it was published; null when its folder is not on this server.</summary>
    public async Task<BoardResults?> ResultsAsync(ResultRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (results is { } cached && cached.Run == run)
        {
            return cached;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (results is { } again && again.Run == run)
            {
                return again;
            }

            var file = Path.Combine(run.Folder, "fidelity.json");
            if (!File.Exists(file))
            {
                return null;
            }

            FidelityReport fidelity;
            await using (var stream = File.OpenRead(file))
            {
                fidelity = await JsonSerializer.DeserializeAsync<FidelityReport>(stream, JsonOutput.Options, cancellationToken)
                    ?? throw new InvalidDataException($"{file} holds no fidelity document.");
            }

            var exits = await ShelterExitsAsync(BoardResults.InContactPeriod(fidelity).ToArray(), cancellationToken);
            results = new BoardResults(run, fidelity, exits);
            return results;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>The latest deliveries and their quarantine, read again only when a file was ingested since.</summary>
    public async Task<Deliveries> DeliveriesAsync(CancellationToken cancellationToken)
    {
        var source = await dataSource(cancellationToken);
        await using var version = source.CreateCommand("SELECT coalesce(max(id), 0) FROM ingest_files");
        long current = (long)(await version.ExecuteScalarAsync(cancellationToken))!;
        if (deliveries is { } cached && cached.Version == current)
        {
            return cached;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            deliveries = await ReadDeliveriesAsync(source, current, cancellationToken);
            return deliveries;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>
    /// The shelter exit dates of the courses in the contact period (the anchor of their expected
    /// transition, which <c>fidelity.json</c> does not carry), read once per publish.
    /// </summary>
    private async Task<Dictionary<string, DateOnly>> ShelterExitsAsync(string[] courseIds, CancellationToken cancellationToken)
    {
        var exits = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (courseIds.Length == 0)
        {
            return exits;
        }

        var source = await dataSource(cancellationToken);
        await using var command = source.CreateCommand("SELECT course_id, shelter_exit_date FROM courses WHERE course_id = ANY(@ids) AND shelter_exit_date IS NOT NULL");
        command.Parameters.AddWithValue("ids", courseIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            exits[reader.GetString(0)] = reader.GetFieldValue<DateOnly>(1);
        }

        return exits;
    }

    private static async Task<Deliveries> ReadDeliveriesAsync(NpgsqlDataSource source, long version, CancellationToken cancellationToken)
    {
        // The file name is the path below the inbox: its first folder is the municipality.
        const string Latest = """
            SELECT DISTINCT ON (split_part(file_name, '/', 1), kind) id, file_name, kind, ingested_at, rows, loaded, quarantined
            FROM ingest_files WHERE id <= @version
            ORDER BY split_part(file_name, '/', 1), kind, id DESC
            """;
        var files = new List<Delivery>();
        await using (var command = source.CreateCommand(Latest))
        {
            command.Parameters.AddWithValue("version", version);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(1);
                int slash = name.IndexOf('/', StringComparison.Ordinal);
                files.Add(new Delivery(reader.GetInt64(0), slash > 0 ? name[..slash] : "", name, reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                    reader.GetInt32(4), reader.GetInt32(5), 0, reader.GetInt32(6)));
            }
        }

        var ids = files.Select(f => f.FileId).ToArray();
        var updated = new Dictionary<long, int>();
        await using (var command = source.CreateCommand("SELECT file_id, count(*)::int FROM change_history WHERE file_id = ANY(@ids) GROUP BY file_id"))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                updated[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        var latest = files.Select(f => f with { Updated = updated.GetValueOrDefault(f.FileId) })
            .OrderBy(f => f.Municipality, StringComparer.Ordinal).ThenBy(f => f.Kind, StringComparer.Ordinal).ToList();
        var byId = latest.ToDictionary(f => f.FileId);

        var byReason = new List<(string, int)>();
        await using (var command = source.CreateCommand(
            "SELECT reason, count(DISTINCT (file_id, row))::int FROM quarantine WHERE file_id = ANY(@ids) GROUP BY reason ORDER BY 2 DESC, 1"))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                byReason.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        var rows = new List<QuarantinedRow>();
        int total;
        await using (var command = source.CreateCommand("SELECT count(*)::int FROM quarantine WHERE file_id = ANY(@ids)"))
        {
            command.Parameters.AddWithValue("ids", ids);
            total = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await using (var command = source.CreateCommand(
            "SELECT file_id, row, \"column\", value, reason FROM quarantine WHERE file_id = ANY(@ids) ORDER BY reason, file_id, row, id LIMIT @limit"))
        {
            command.Parameters.AddWithValue("ids", ids);
            command.Parameters.AddWithValue("limit", Deliveries.RowLimit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var file = byId[reader.GetInt64(0)];
                string? column = reader.IsDBNull(2) ? null : reader.GetString(2);
                string? value = reader.IsDBNull(3) ? null : reader.GetString(3);
                rows.Add(new QuarantinedRow(file.Municipality, file.File, file.Kind, reader.GetInt32(1), column, value, reader.GetString(4)));
            }
        }

        return new Deliveries(version, latest, byReason, rows, total);
    }
}
