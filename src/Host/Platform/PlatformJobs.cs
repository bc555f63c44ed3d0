using Evaluation.Data.Storage;
using Evaluation.Ingest;
using Evaluation.Ingest.Loading;
using Hangfire;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Evaluation.Host.Platform;

/// <summary>
/// The scheduled platform's jobs (SPEC §9). Each is idempotent and safe to retry: a file's content
/// loads once (its hash is claimed in the file's own transaction), a file leaves the inbox only after
/// its transaction committed, and results are recomputed only for data not computed before.
/// Arguments carry no personal data; job results name files and counts only.
/// </summary>
public sealed class PlatformJobs(App app, ServeOptions options, IBackgroundJobClient jobs, ILogger<PlatformJobs> logger)
{
    public const string InboxLock = "evaluation:inbox";
    public const string ResultsLock = "evaluation:results";

    /// <summary>The data version: the newest ingested file that changed rows.</summary>
    private const string DataVersion = "SELECT coalesce(max(id), 0) FROM ingest_files WHERE loaded > 0";

    /// <summary>
    /// Ingests every new file of the inbox in ingest order, moves each out once done, and asks for
    /// fresh results when the data changed. One scan at a time across all servers.
    /// </summary>
    [JobDisplayName("Ingest new files in the inbox")]
    public async Task<string> IngestInboxAsync(CancellationToken cancellationToken)
    {
        var source = await app.DataSourceAsync(cancellationToken);
        await using var held = await AdvisoryLock.TryAcquireAsync(source, InboxLock, cancellationToken);
        if (held is null)
        {
            return "Another server is scanning the inbox.";
        }

        var inbox = new Inbox(InboxFolder(app, options), TimeSpan.FromSeconds(options.SettleSeconds));
        var files = inbox.ReadyFiles(DateTime.UtcNow);
        var summary = new List<string>();
        if (files.Count > 0)
        {
            var batch = Inbox.BatchName(DateTime.UtcNow);
            var ingest = new DatabaseIngest(source, app.Pseudonymizer, app.Instruments, app.IngestSettings);
            var courseIds = await ingest.LoadCourseIdsAsync(cancellationToken);
            var lines = new string[files.Count];
            await DatabaseIngest.InLoadOrderAsync(files, async (index, token) => lines[index] = await IngestOneAsync(inbox, ingest, files[index], courseIds, batch, token), cancellationToken);
            summary.AddRange(lines);
        }

        if (await RequestResultsAsync(source, cancellationToken))
        {
            var id = jobs.Enqueue<PlatformJobs>(j => j.RenderReportsAsync(CancellationToken.None));
            summary.Add($"Data changed: job {id} computes outcomes and fidelity and renders the reports.");
        }

        return summary.Count == 0 ? "No new files." : string.Join(Environment.NewLine, summary);
    }

    /// <summary>Outcomes and fidelity as of today, as JSON under <c>$EVALUATION_HOME/reports/&lt;as-of&gt;/</c>.</summary>
    [JobDisplayName("Compute outcomes and fidelity")]
    public Task<string> RecomputeAsync(CancellationToken cancellationToken) => PublishAsync(workbooks: false, cancellationToken);

    /// <summary>Outcomes, fidelity and the workbooks as of today.</summary>
    [JobDisplayName("Compute outcomes and fidelity, render the reports")]
    public Task<string> RenderReportsAsync(CancellationToken cancellationToken) => PublishAsync(workbooks: true, cancellationToken);

    public static string InboxFolder(App app, ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Inbox) ? Path.Combine(app.Home.Path, "inbox") : options.Inbox;
    }

    private async Task<string> IngestOneAsync(Inbox inbox, DatabaseIngest ingest, Ingest.Reading.InboxFile file, HashSet<string> courseIds, string batch, CancellationToken cancellationToken)
    {
        // A file name can hold a CPR number like any other text from a municipality: logs get it masked.
        var name = Ingest.Parsing.IngestError.Safe(file.DisplayName);
        if (file.Refusal is not null)
        {
            // Not a regular file (a link, a pipe, a folder), or a hidden one: never opened. Moving it (rename) does not follow it either.
            try
            {
                inbox.MoveOut(file, FolderReader.NotReadable(file)!, batch);
            }
            catch (IOException e)
            {
                logger.LogWarning("{File}: {Reason}; it could not be moved to quarantine either ({Error}) and stays in the inbox", name, file.Refusal, e.Message);
                return $"{name}: not read ({file.Refusal}), left in place.";
            }

            logger.LogWarning("{File}: {Reason}; moved to quarantine", name, file.Refusal);
            return $"{name}: not read ({file.Refusal}), quarantined.";
        }

        if (file.Kind is null)
        {
            var unknown = FolderReader.UnknownKind(file);
            inbox.MoveOut(file, unknown, batch);
            logger.LogWarning("{File}: {Reason}; moved to quarantine", name, unknown.Errors[0].Reason);
            return $"{name}: not a known kind, quarantined.";
        }

        FileReport report;
        try
        {
            report = await ingest.IngestFileAsync(file, courseIds, cancellationToken);
        }
        catch (Exception e) when (e is not (NpgsqlException or IOException or OperationCanceledException or TimeoutException))
        {
            // The file itself cannot be read (a damaged workbook, say): it will not get better by retrying.
            inbox.Reject(file, $"the file could not be read: {e.Message}", batch);
            logger.LogWarning("{File} could not be read and was moved to quarantine: {Reason}", name, Ingest.Parsing.IngestError.Safe(e.Message));
            return $"{name}: unreadable, quarantined.";
        }

        var moved = inbox.MoveOut(file, report, batch);
        logger.LogInformation("{File}: {Rows} rows, {Loaded} loaded, {Unchanged} unchanged, {Quarantined} quarantined; moved to {Target}",
            name, report.Rows, report.Loaded, report.Unchanged, report.Quarantined, Domain.People.CprNumber.MaskAll(moved));
        return $"{name}: {report.Rows} rows, {report.Loaded} loaded, {report.Unchanged} unchanged, {report.Quarantined} quarantined" +
            (Inbox.Failed(report) ? ", file quarantined." : ".");
    }

    /// <summary>
    /// True once per data version: when files that changed rows arrived since results were last
    /// asked for. Kept in the database, so that several servers ask once between them.
    /// </summary>
    private static async Task<bool> RequestResultsAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(
            $"""
            WITH version(v) AS ({DataVersion})
            INSERT INTO settings (name, value)
            SELECT 'results_requested_for', v::text FROM version WHERE v > 0
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
                WHERE settings.value::bigint < excluded.value::bigint
            RETURNING value
            """);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private async Task<string> PublishAsync(bool workbooks, CancellationToken cancellationToken)
    {
        var source = await app.DataSourceAsync(cancellationToken);

        // One computation at a time: they write the same folder, and libgdiplus (charts) is not thread-safe.
        await using var held = await AdvisoryLock.AcquireAsync(source, ResultsLock, cancellationToken);
        var started = DateTimeOffset.UtcNow;
        var asOf = DateOnly.FromDateTime(DateTime.Now);
        await using var read = source.CreateCommand(DataVersion);
        var version = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        await using var check = source.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM result_runs WHERE data_version = @version AND as_of = @asOf AND (workbooks OR NOT @workbooks))");
        check.Parameters.AddWithValue("version", version);
        check.Parameters.AddWithValue("asOf", asOf);
        check.Parameters.AddWithValue("workbooks", workbooks);
        bool done = (bool)(await check.ExecuteScalarAsync(cancellationToken))!;
        if (done)
        {
            return $"Results as of {asOf:yyyy-MM-dd} for data version {version} are already published.";
        }

        var (data, quality) = await app.LoadWithQualityAsync(null, cancellationToken);
        var published = await ReportRun.PublishAsync(app, data, quality, asOf, workbooks, cancellationToken);
        await using (var insert = source.CreateCommand(
            "INSERT INTO result_runs (data_version, as_of, workbooks, started_at, finished_at, folder) VALUES (@version, @asOf, @workbooks, @started, now(), @folder)"))
        {
            insert.Parameters.AddWithValue("version", version);
            insert.Parameters.AddWithValue("asOf", asOf);
            insert.Parameters.AddWithValue("workbooks", workbooks);
            insert.Parameters.AddWithValue("started", started);
            insert.Parameters.AddWithValue("folder", published.Folder);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        logger.LogInformation("Results as of {AsOf:yyyy-MM-dd} for data version {Version}: {Courses} courses, {Workbooks} workbooks in {Folder}",
            asOf, version, data.Courses.Count, published.Workbooks.Count, published.Folder);
        return $"Results as of {asOf:yyyy-MM-dd} (data version {version}, {data.Courses.Count} courses): {published.Workbooks.Count} workbooks in {published.Folder}.";
    }
}
