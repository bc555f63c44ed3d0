using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Ingest.Kinds;
using Evaluation.Ingest.Parsing;
using Evaluation.Ingest.Reading;
using Npgsql;
using NpgsqlTypes;

namespace Evaluation.Ingest.Loading;

/// <summary>
/// Loads an inbox-like folder into the database (SPEC §2, §6). Each file loads in one transaction:
/// its rows are streamed through binary COPY into a staging table, compared with what is stored,
/// changes are written to the history, and the rows are upserted set-based on their natural key.
/// A file whose content was ingested before (same SHA-256) changes nothing.
/// </summary>
public sealed class DatabaseIngest(NpgsqlDataSource dataSource, Pseudonymizer pseudonymizer, InstrumentSet instruments)
{
    /// <summary>Called inside a file's transaction just before commit; tests use it to fail a file midway.</summary>
    internal Func<string, Task>? BeforeCommit { get; set; }

    public async Task<IReadOnlyList<FileReport>> IngestFolderAsync(string folder, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = InboxFile.List(folder);
        var reports = new List<FileReport>();
        var courseIds = await LoadCourseIdsAsync(cancellationToken);
        foreach (var file in files)
        {
            progress?.Report(file.DisplayName);
            reports.Add(file.Kind is null
                ? FolderReader.UnknownKind(file)
                : await IngestFileAsync(file, courseIds, cancellationToken));
        }

        return reports;
    }

    /// <summary>Loads one file. <paramref name="courseIds"/> holds the course ids known so far and grows with a courses file.</summary>
    public async Task<FileReport> IngestFileAsync(InboxFile file, HashSet<string> courseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var kind = file.Kind ?? throw new ArgumentException("The file has no known kind.", nameof(file));
        var fingerprint = FileFingerprint.Of(file.Path, file.Municipality);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Claiming the hash first makes a second server that ingests the same file wait here,
        // then find the file done instead of loading it twice.
        long? fileId = await ClaimFileAsync(connection, file, kind, fingerprint.Sha256, cancellationToken);
        if (fileId is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await EarlierReportAsync(connection, file, kind, fingerprint.Sha256, cancellationToken);
        }

        var context = new ReadContext(file.Municipality, pseudonymizer, instruments, courseIds.Contains);
        var result = new FileReadResult();
        var newCourseIds = new List<string>();
        int loaded;
        using (var table = FileRows.Open(file.Path, fingerprint))
        {
            loaded = kind switch
            {
                InputKind.Courses => await LoadAsync(connection, TableSpecs.Courses, Collect(FileRows.Read(AllKinds.Courses, table, context, result, true), newCourseIds), fileId.Value, cancellationToken),
                InputKind.Checklists => await LoadAsync(connection, TableSpecs.Checklists, Records(FileRows.Read(AllKinds.Checklists, table, context, result, true)), fileId.Value, cancellationToken),
                InputKind.Contacts => await LoadAsync(connection, TableSpecs.Contacts, FileRows.Read(AllKinds.Contacts, table, context, result, false), fileId.Value, cancellationToken),
                InputKind.Plans => await LoadAsync(connection, TableSpecs.Plans, Records(FileRows.Read(AllKinds.Plans, table, context, result, true)), fileId.Value, cancellationToken),
                InputKind.Answers => await LoadAsync(connection, TableSpecs.Answers, Records(FileRows.Read(AllKinds.Answers, table, context, result, true)), fileId.Value, cancellationToken),
                InputKind.ShelterStays => await LoadAsync(connection, TableSpecs.ShelterStays, Records(FileRows.Read(AllKinds.ShelterStays, table, context, result, true)), fileId.Value, cancellationToken),
                InputKind.Tenancies => await LoadAsync(connection, TableSpecs.Tenancies, Records(FileRows.Read(AllKinds.Tenancies, table, context, result, true)), fileId.Value, cancellationToken),
                _ => await LoadAsync(connection, TableSpecs.Staff, Records(FileRows.Read(AllKinds.Staff, table, context, result, true)), fileId.Value, cancellationToken),
            };
        }

        int unchanged = result.Rows - result.Quarantined - loaded;
        await WriteQuarantineAsync(connection, fileId.Value, result.Errors, cancellationToken);
        await using (var update = new NpgsqlCommand(
            "UPDATE ingest_files SET rows = @rows, loaded = @loaded, unchanged = @unchanged, quarantined = @quarantined WHERE id = @id", connection))
        {
            update.Parameters.AddWithValue("rows", result.Rows);
            update.Parameters.AddWithValue("loaded", loaded);
            update.Parameters.AddWithValue("unchanged", unchanged);
            update.Parameters.AddWithValue("quarantined", result.Quarantined);
            update.Parameters.AddWithValue("id", fileId.Value);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (BeforeCommit is not null)
        {
            await BeforeCommit(file.DisplayName);
        }

        await transaction.CommitAsync(cancellationToken);
        courseIds.UnionWith(newCourseIds);
        return new FileReport(file.DisplayName, kind.Code(), result.Rows, loaded, unchanged, result.Quarantined, result.Errors);
    }

    private static IEnumerable<T> Records<T>(IEnumerable<(int Row, T Record)> rows) => rows.Select(r => r.Record);

    private static IEnumerable<Domain.Courses.Course> Collect(IEnumerable<(int Row, Domain.Courses.Course Record)> rows, List<string> ids)
    {
        foreach (var (_, course) in rows)
        {
            ids.Add(course.CourseId);
            yield return course;
        }
    }

    /// <summary>Streams the records into a staging table, records what changes, and upserts; returns rows inserted or changed.</summary>
    private static async Task<int> LoadAsync<T>(NpgsqlConnection connection, TableSpec<T> spec, IEnumerable<T> records, long fileId, CancellationToken cancellationToken)
    {
        var stageColumns = string.Join(", ", spec.Stage.Select(c => $"\"{c.Name}\" {SqlType(c.Type)}"));
        await ExecuteAsync(connection, $"CREATE TEMP TABLE stage ({stageColumns}) ON COMMIT DROP", cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY stage ({string.Join(", ", spec.Stage.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in records)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in spec.Stage)
                {
                    var value = column.Value(record);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, column.Type, cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        string incoming = spec.Incoming ?? "SELECT * FROM stage";
        await ExecuteAsync(connection, $"CREATE TEMP TABLE incoming ON COMMIT DROP AS {incoming}", cancellationToken);

        var keys = string.Join(", ", spec.Keys.Select(Quote));
        var targetValues = string.Join(", ", spec.Values.Select(v => "t." + Quote(v)));
        var incomingValues = string.Join(", ", spec.Values.Select(v => "i." + Quote(v)));
        var history = $"""
            INSERT INTO change_history (table_name, natural_key, file_id, old_values, new_values, changed_at)
            SELECT '{spec.Table}', concat_ws('|', {string.Join(", ", spec.Keys.Select(k => "i." + Quote(k)))}), {fileId},
                   to_jsonb(t) - 'source_file_id', to_jsonb(i), now()
            FROM incoming i JOIN {spec.Table} t USING ({keys})
            WHERE ({targetValues}) IS DISTINCT FROM ({incomingValues})
            """;
        await ExecuteAsync(connection, history, cancellationToken);

        var columns = string.Join(", ", spec.TargetColumns.Select(Quote));
        var excludedValues = string.Join(", ", spec.Values.Select(v => "EXCLUDED." + Quote(v)));
        var upsert = $"""
            INSERT INTO {spec.Table} AS t ({columns}, source_file_id)
            SELECT {columns}, {fileId} FROM incoming
            ON CONFLICT ({keys}) DO UPDATE SET
                {string.Join(", ", spec.Values.Select(v => $"{Quote(v)} = EXCLUDED.{Quote(v)}"))}, source_file_id = EXCLUDED.source_file_id
            WHERE ({targetValues}) IS DISTINCT FROM ({excludedValues})
            """;
        int changed = await ExecuteAsync(connection, upsert, cancellationToken);
        await ExecuteAsync(connection, "DROP TABLE stage; DROP TABLE incoming", cancellationToken);
        return changed;
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
        command.Parameters.AddWithValue("name", file.DisplayName);
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

    private static async Task WriteQuarantineAsync(NpgsqlConnection connection, long fileId, IReadOnlyList<IngestError> errors, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync("COPY quarantine (file_id, row, \"column\", value, reason) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var error in errors)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(fileId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(error.Row, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(importer, error.Column, cancellationToken);
            await WriteNullableAsync(importer, error.Value, cancellationToken);
            await importer.WriteAsync(error.Reason, NpgsqlDbType.Text, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private async Task<HashSet<string>> LoadCourseIdsAsync(CancellationToken cancellationToken)
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

    private static string SqlType(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Text => "text",
        NpgsqlDbType.Varchar => "varchar",
        NpgsqlDbType.Date => "date",
        NpgsqlDbType.Integer => "integer",
        NpgsqlDbType.Double => "double precision",
        NpgsqlDbType.Boolean => "boolean",
        NpgsqlDbType.Jsonb => "jsonb",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no staging type for it"),
    };
}
