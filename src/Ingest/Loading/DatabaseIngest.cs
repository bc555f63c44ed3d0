using System.Runtime.ExceptionServices;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Ingest.Kinds;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;
using Npgsql;

namespace Evaluation.Ingest.Loading;

/// <summary>
/// Loads an inbox-like folder into the database (SPEC §2, §6). Each file loads in one transaction:
/// its rows are streamed through binary COPY straight into their table when all their natural keys
/// are new; otherwise into a staging table, compared with what is stored, changes written to the
/// history, and upserted set-based on the natural key. A file whose content was ingested before
/// (same SHA-256) changes nothing. Every file is judged on its own: a file that cannot be read is
/// rolled back to its claim and recorded with its reason, and the run goes on with the others.
/// </summary>
public sealed class DatabaseIngest(NpgsqlDataSource dataSource, Pseudonymizer pseudonymizer, InstrumentSet instruments, IngestSettings? settings = null)
{
    private readonly IngestSettings settings = settings ?? IngestSettings.Default;

    /// <summary>
    /// Validates and reports exactly as ingest does, in the same transactions, but rolls every file
    /// back instead of committing it: nothing is stored (<c>ingest --dry-run</c>).
    /// </summary>
    public bool DryRun { get; init; }

    /// <summary>Called inside a file's transaction just before commit; tests use it to fail a file midway.</summary>
    internal Func<string, Task>? BeforeCommit { get; set; }

    public async Task<IReadOnlyList<FileReport>> IngestFolderAsync(string folder, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = InboxFile.List(folder);
        var reports = new FileReport[files.Count];
        var courseIds = await LoadCourseIdsAsync(cancellationToken);
        await InLoadOrderAsync(files, async (index, token) => reports[index] = await IngestOneAsync(files[index], courseIds, progress, token), cancellationToken);
        return reports;
    }

    /// <summary>
    /// Runs <paramref name="load"/> (given a file's index) for every file in the order ingest needs:
    /// the courses files first and alone, then the other kinds two at a time (their tables are
    /// independent), the largest kind first. The kinds that refer to courses (checklists, contacts,
    /// plans, answers) are checked against the courses while read, so they must wait for them; and
    /// the courses are on the critical path, as the largest kind, contacts, waits for them. A
    /// second lane loading shelter stays beside the courses only slowed them down: at 60,000
    /// courses they took 0.78 s beside it against 0.43 s alone, and the whole ingest 3.35 s
    /// against 3.15 s. Within a kind the files load one after the other in name order, so a later
    /// file still wins on a key. A failure stops the run: the file being loaded rolls back, earlier
    /// files stay loaded, and the failure is what this throws.
    /// </summary>
    public static async Task InLoadOrderAsync(IReadOnlyList<InboxFile> files, Func<int, CancellationToken, Task> load, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(load);
        var waiting = Enumerable.Range(0, files.Count)
            .GroupBy(i => files[i].Kind)
            .OrderByDescending(kind => kind.Sum(i => SizeOf(files[i])))
            .ToList();
        var coursesLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!waiting.Any(kind => kind.Key == InputKind.Courses))
        {
            coursesLoaded.SetResult();
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        await Task.WhenAll(LaneAsync(), LaneAsync());
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();

        async Task LaneAsync()
        {
            await Task.Yield(); // the two lanes run side by side from the start
            try
            {
                while (await NextAsync() is { } kind)
                {
                    foreach (var index in kind)
                    {
                        await load(index, stop.Token);
                    }

                    if (kind.Key == InputKind.Courses)
                    {
                        coursesLoaded.SetResult();
                    }
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                coursesLoaded.TrySetCanceled();
                await stop.CancelAsync();
            }
        }

        // The largest kind that may start now; while the courses load, the other lane waits for
        // them. Null when every kind is taken or the run stopped.
        async Task<IGrouping<InputKind?, int>?> NextAsync()
        {
            while (true)
            {
                lock (waiting)
                {
                    if (waiting.Count == 0 || stop.IsCancellationRequested)
                    {
                        return null;
                    }

                    var ready = waiting.FirstOrDefault(kind => kind.Key == InputKind.Courses || coursesLoaded.Task.IsCompletedSuccessfully);
                    if (ready is not null)
                    {
                        waiting.Remove(ready);
                        return ready;
                    }
                }

                await coursesLoaded.Task.WaitAsync(stop.Token);
            }
        }
    }

    /// <summary>A file's size for scheduling; an entry that is not read (a link, a folder) or has gone weighs nothing.</summary>
    private static long SizeOf(InboxFile file)
    {
        if (file.Refusal is not null)
        {
            return 0;
        }

        try
        {
            return new FileInfo(file.Path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task<FileReport> IngestOneAsync(InboxFile file, HashSet<string> courseIds, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (FolderReader.NotReadable(file) is { } refused)
        {
            return refused;
        }

        progress?.Report(file.DisplayName);
        return await IngestFileAsync(file, courseIds, cancellationToken);
    }

    /// <summary>
    /// Loads one file in one transaction. <paramref name="courseIds"/> holds the course ids known so
    /// far and grows with a courses file.
    /// </summary>
    public async Task<FileReport> IngestFileAsync(InboxFile file, HashSet<string> courseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(courseIds);
        if (file.Refusal is not null)
        {
            return FolderReader.NotReadable(file)!;
        }

        var kind = file.Kind ?? throw new ArgumentException("The file has no known kind.", nameof(file));
        FileFingerprint fingerprint;
        try
        {
            fingerprint = FileFingerprint.Of(file.Path, file.Municipality);
        }
        catch (Exception e) when (FolderReader.IsFileProblem(e))
        {
            return FolderReader.UnreadableReport(file, e, new FileReadResult(), null);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The sorts and hash joins of a bulk load fit in memory with this; it lasts for this transaction only.
        await ExecuteAsync(connection, "SET LOCAL work_mem = '256MB'", cancellationToken);

        // Claiming the hash first makes a second server that ingests the same file wait here,
        // then find the file done instead of loading it twice.
        long? claimed = await ClaimFileAsync(connection, file, kind, fingerprint.Sha256, cancellationToken);
        if (claimed is not { } fileId)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await EarlierReportAsync(connection, file, kind, fingerprint.Sha256, cancellationToken) with { Encoding = FolderReader.EncodingOf(file, fingerprint) };
        }

        // The course ids of this file become known to the files after it once it is committed.
        var context = new ReadContext(file.Municipality, pseudonymizer, instruments, courseIds.Contains, settings);
        var result = new FileReadResult();
        var newCourseIds = new HashSet<string>(StringComparer.Ordinal);
        await ExecuteAsync(connection, "SAVEPOINT claimed", cancellationToken);
        (int Inserted, int Updated) loaded;
        FileReport? unreadable = null;
        try
        {
            loaded = kind switch
            {
                InputKind.Courses => await LoadAsync(connection, TableSpecs.Courses, () => Collect(Read(AllKinds.Courses, true), newCourseIds), result, fileId, cancellationToken),
                InputKind.Checklists => await LoadAsync(connection, TableSpecs.Checklists, () => Records(Read(AllKinds.Checklists, true)), result, fileId, cancellationToken),
                InputKind.Contacts => await LoadAsync(connection, TableSpecs.Contacts, () => ContactKeys.Number(Read(AllKinds.Contacts, false)), result, fileId, cancellationToken),
                InputKind.Plans => await LoadAsync(connection, TableSpecs.Plans, () => Records(Read(AllKinds.Plans, true)), result, fileId, cancellationToken),
                InputKind.Answers => await LoadAsync(connection, TableSpecs.Answers, () => Records(Read(AllKinds.Answers, true)), result, fileId, cancellationToken),
                InputKind.ShelterStays => await LoadAsync(connection, TableSpecs.ShelterStays, () => Records(Read(AllKinds.ShelterStays, true)), result, fileId, cancellationToken),
                InputKind.Tenancies => await LoadAsync(connection, TableSpecs.Tenancies, () => Records(Read(AllKinds.Tenancies, true)), result, fileId, cancellationToken),
                _ => await LoadAsync(connection, TableSpecs.Staff, () => Records(Read(AllKinds.Staff, true)), result, fileId, cancellationToken),
            };
        }
        catch (Exception e) when (e is not (NpgsqlException or OperationCanceledException) && FolderReader.IsFileProblem(e) && !connection.FullState.HasFlag(System.Data.ConnectionState.Broken))
        {
            // The file, not the database, failed: nothing of it is loaded, and its reason is recorded
            // under its hash, so the same file again reports the same without being read.
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT claimed", cancellationToken);
            unreadable = FolderReader.UnreadableReport(file, e, result, fingerprint);
            newCourseIds.Clear();
            loaded = (0, 0);
        }

        int rows = unreadable?.Rows ?? result.Rows;
        int quarantined = unreadable?.Quarantined ?? result.Quarantined;
        var errors = unreadable?.Errors ?? result.Errors;
        int unchanged = rows - quarantined - loaded.Inserted - loaded.Updated;
        await WriteQuarantineAsync(connection, fileId, errors, cancellationToken);
        await using (var update = new NpgsqlCommand(
            "UPDATE ingest_files SET rows = @rows, loaded = @loaded, unchanged = @unchanged, quarantined = @quarantined WHERE id = @id", connection))
        {
            update.Parameters.AddWithValue("rows", rows);
            update.Parameters.AddWithValue("loaded", loaded.Inserted + loaded.Updated);
            update.Parameters.AddWithValue("unchanged", unchanged);
            update.Parameters.AddWithValue("quarantined", quarantined);
            update.Parameters.AddWithValue("id", fileId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (BeforeCommit is not null)
        {
            await BeforeCommit(file.DisplayName);
        }

        if (DryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        lock (courseIds)
        {
            courseIds.UnionWith(newCourseIds);
        }

        return unreadable ?? new FileReport(file.DisplayName, kind.Code(), rows, loaded.Inserted + loaded.Updated, unchanged, quarantined, errors)
        {
            Inserted = loaded.Inserted,
            Updated = loaded.Updated,
            Encoding = FolderReader.EncodingOf(file, fingerprint),
        };

        // One pass over the file; the reader is closed when the pass ends or fails.
        IEnumerable<(int Row, T Record)> Read<T>(Kinds.KindDefinition<T> definition, bool uniqueKeys)
            where T : class
        {
            using var table = FileRows.Open(file.Path, fingerprint, settings.Options);
            foreach (var row in FileRows.Read(definition, table, context, result, uniqueKeys))
            {
                yield return row;
            }
        }
    }

    private static IEnumerable<T> Records<T>(IEnumerable<(int Row, T Record)> rows) => rows.Select(r => r.Record);

    private static IEnumerable<Domain.Courses.Course> Collect(IEnumerable<(int Row, Domain.Courses.Course Record)> rows, HashSet<string> ids)
    {
        foreach (var (_, course) in rows)
        {
            ids.Add(course.CourseId);
            yield return course;
        }
    }

    /// <summary>
    /// Copies the records straight into the table when every natural key is new (the usual case: a
    /// new export); when a key exists (a correction, a re-export), the copy is rolled back to its
    /// savepoint and the file is read again into a staging table and merged. Returns the rows
    /// inserted or changed.
    /// </summary>
    private async Task<(int Inserted, int Updated)> LoadAsync<T>(NpgsqlConnection connection, TableSpec<T> spec, Func<IEnumerable<T>> read, FileReadResult result, long fileId, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SAVEPOINT direct", cancellationToken);
        try
        {
            int copied = await CopyAsync(connection, spec.Table, spec.Stage, read(), ("source_file_id", fileId), cancellationToken);
            await ExecuteAsync(connection, "RELEASE SAVEPOINT direct", cancellationToken);
            return (copied, 0);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT direct", cancellationToken);
        }

        result.Reset();
        var stageColumns = string.Join(", ", spec.Stage.Select(c => $"\"{c.Name}\" {c.SqlType}"));
        await ExecuteAsync(connection, $"CREATE TEMP TABLE stage ({stageColumns}) ON COMMIT DROP", cancellationToken);
        await CopyAsync(connection, "stage", spec.Stage, read(), null, cancellationToken);
        return await MergeAsync(connection, spec, fileId, cancellationToken);
    }

    /// <summary>Streams records into a table by binary COPY, with the file's id in <paramref name="file"/>'s column when given.</summary>
    private static async Task<int> CopyAsync<T>(NpgsqlConnection connection, string table, IReadOnlyList<StageColumn<T>> columns, IEnumerable<T> records, (string Column, long Id)? file, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)).Concat(file is { } f ? [f.Column] : []));
        int fields = columns.Count + (file is null ? 0 : 1);
        await using var stream = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var writer = new BinaryCopyWriter(stream);
        try
        {
            // Synchronous writes: the rows come from a synchronous reader, and an await per row
            // costs more than the row itself.
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.StartRow(fields);
                foreach (var column in columns)
                {
                    column.Write(writer, record);
                }

                if (file is { } target)
                {
                    writer.WriteBigint(target.Id);
                }
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            // Rows must not be committed from half a file: the server discards them all.
            await CancelAsync(stream);

            // A connection that broke mid-COPY can surface from Npgsql's copy stream as a disposed
            // object or even a null reference. It is the database that failed, not the file: the
            // inbox scan retries database failures and quarantines only files it cannot read.
            if (e is not NpgsqlException && connection.FullState.HasFlag(System.Data.ConnectionState.Broken))
            {
                throw new NpgsqlException("The connection to PostgreSQL broke during a COPY.", e);
            }

            throw;
        }

        // Disposing the stream ends the COPY; a server error (e.g. a known key) is thrown here.
        await stream.DisposeAsync();
        return writer.Rows;
    }

    private static async Task CancelAsync(NpgsqlRawCopyStream stream)
    {
        try
        {
            await stream.CancelAsync();
        }
        catch (Exception)
        {
            // Cleaning up after a failure: the connection may be gone with the COPY (Npgsql then
            // throws anything from a disposed stream to a null reference). The exception being
            // thrown says what went wrong and must not be replaced by this one.
        }
    }

    private async Task<(int Inserted, int Updated)> MergeAsync<T>(NpgsqlConnection connection, TableSpec<T> spec, long fileId, CancellationToken cancellationToken)
    {
        // A dry run rolled back the courses of this run, which the rows may refer to.
        if (!DryRun && spec.Keys.Contains("course_id") && spec.Table != "courses")
        {
            // Every row was checked against the known courses while reading; this set-based check
            // stands in for a foreign key (see EvaluationDbContext) and must never fire.
            await using var orphans = new NpgsqlCommand("SELECT count(*) FROM stage i WHERE NOT EXISTS (SELECT 1 FROM courses c WHERE c.course_id = i.course_id)", connection);
            if ((long)(await orphans.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                throw new InvalidOperationException($"Rows for {spec.Table} refer to courses that do not exist; the reference check while reading missed them.");
            }
        }

        var keyMatch = string.Join(" AND ", spec.Keys.Select(k => $"t.{Quote(k)} = i.{Quote(k)}"));
        var targetValues = string.Join(", ", spec.Values.Select(v => "t." + Quote(v)));
        var incomingValues = string.Join(", ", spec.Values.Select(v => "i." + Quote(v)));
        var changed = $"({targetValues}) IS DISTINCT FROM ({incomingValues})";

        // Corrections: one join finds the rows that differ, records old and new values, and updates them.
        int updated = await ExecuteAsync(connection, $"""
            WITH changed AS MATERIALIZED (
                SELECT i.*, to_jsonb(t) - 'source_file_id' AS old_values
                FROM stage i JOIN {spec.Table} t ON {keyMatch}
                WHERE {changed}),
            logged AS (
                INSERT INTO change_history (table_name, natural_key, file_id, old_values, new_values, changed_at)
                SELECT '{spec.Table}', concat_ws('|', {string.Join(", ", spec.Keys.Select(k => "c." + Quote(k)))}), {fileId},
                       c.old_values, to_jsonb(c) - 'old_values', now()
                FROM changed c)
            UPDATE {spec.Table} t SET {string.Join(", ", spec.Values.Select(v => $"{Quote(v)} = c.{Quote(v)}"))}, source_file_id = {fileId}
            FROM changed c
            WHERE {keyMatch.Replace("i.", "c.", StringComparison.Ordinal)}
            """, cancellationToken);

        // New rows: a plain insert in key order (cheaper than INSERT ... ON CONFLICT for a bulk load).
        var columns = string.Join(", ", spec.TargetColumns.Select(Quote));
        int inserted = await ExecuteAsync(connection, $"""
            INSERT INTO {spec.Table} ({columns}, source_file_id)
            SELECT {string.Join(", ", spec.TargetColumns.Select(c => "i." + Quote(c)))}, {fileId} FROM stage i
            WHERE NOT EXISTS (SELECT 1 FROM {spec.Table} t WHERE {keyMatch})
            ORDER BY {string.Join(", ", spec.Keys.Select(k => "i." + Quote(k)))}
            """, cancellationToken);
        await ExecuteAsync(connection, "DROP TABLE stage", cancellationToken);
        return (inserted, updated);
    }

    private static async Task<long?> ClaimFileAsync(NpgsqlConnection connection, InboxFile file, InputKind kind, string sha256, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO ingest_files (file_name, kind, sha256, ingested_at, rows, loaded, unchanged, quarantined)
            VALUES (@name, @kind, @sha, now(), 0, 0, 0, 0)
            ON CONFLICT (sha256) DO NOTHING
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue("name", IngestError.Safe(file.DisplayName)!); // a CPR number in a file name is stored masked
        command.Parameters.AddWithValue("kind", kind.Code());
        command.Parameters.AddWithValue("sha", sha256);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    /// <summary>The same content was ingested before: report its rows as unchanged and its quarantine as it was.</summary>
    private static async Task<FileReport> EarlierReportAsync(NpgsqlConnection connection, InboxFile file, InputKind kind, string sha256, CancellationToken cancellationToken)
    {
        long id;
        int rows, quarantined;
        await using (var command = new NpgsqlCommand("SELECT id, rows, quarantined FROM ingest_files WHERE sha256 = @sha", connection))
        {
            command.Parameters.AddWithValue("sha", sha256);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (id, rows, quarantined) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2));
        }

        var errors = new List<IngestError>();
        await using (var command = new NpgsqlCommand("SELECT row, \"column\", value, reason FROM quarantine WHERE file_id = @id ORDER BY id", connection))
        {
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                errors.Add(new IngestError(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
            }
        }

        return new FileReport(file.DisplayName, kind.Code(), rows, 0, rows - quarantined, quarantined, errors);
    }

    private static readonly StageColumn<IngestError>[] QuarantineColumns =
    [
        Stage.Integer<IngestError>("row", e => e.Row),
        Stage.Text<IngestError>("column", e => e.Column),
        Stage.Text<IngestError>("value", e => e.Value),
        Stage.Text<IngestError>("reason", e => e.Reason),
    ];

    private static Task<int> WriteQuarantineAsync(NpgsqlConnection connection, long fileId, IReadOnlyList<IngestError> errors, CancellationToken cancellationToken) =>
        CopyAsync(connection, "quarantine", QuarantineColumns, errors, ("file_id", fileId), cancellationToken);

    /// <summary>The course ids in the database: files of other kinds may refer only to these (or to courses of the same run).</summary>
    public async Task<HashSet<string>> LoadCourseIdsAsync(CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("SELECT course_id FROM courses");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string name) => $"\"{name}\"";
}
