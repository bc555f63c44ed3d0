using System.Diagnostics;
using System.Text;
using Evaluation.Ingest.Reading;
using Npgsql;

namespace Evaluation.Host.Benchmarks;

/// <summary>
/// The reference for ingest speed: <c>psql \copy</c> of every CSV file of an inbox into a bare text
/// table (one column per header field, no keys, no checks) in the same database server. And the
/// server's share of ingest: <c>psql \copy</c> of the rows ingest stored, in binary, into the
/// keyed and typed tables of a fresh database (no reading, checking or pseudonymising at all).
/// </summary>
public static class PsqlCopy
{
    /// <summary>The tables ingest fills.</summary>
    private static readonly string[] Tables = ["staff", "courses", "shelter_stays", "tenancies", "contacts", "answers", "checklists", "plans"];

    public static async Task<ChildProcess.Result> RunAsync(string connectionString, string inbox, CancellationToken cancellationToken)
    {
        // One psql session runs the whole script, as a person loading the files by hand would.
        var script = new StringBuilder();
        int n = 0;
        foreach (var file in Directory.GetFiles(inbox, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var fingerprint = FileFingerprint.Of(file, "");
            using var reader = new StreamReader(file, fingerprint.Encoding, fingerprint.HasBom);
            var header = reader.ReadLine() ?? "";
            char separator = CsvTableReader.DetectSeparator(header);
            var columns = header.Split(separator).Select((_, i) => $"c{i} text");
            var table = $"copy_{n++}";
            var encoding = fingerprint.Encoding.CodePage == 1252 ? "WIN1252" : "UTF8";
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TABLE {table} ({string.Join(", ", columns)});");
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"\\copy {table} FROM '{file}' WITH (FORMAT csv, HEADER true, DELIMITER '{separator}', ENCODING '{encoding}')");
        }

        return await PsqlAsync(connectionString, "copy.sql", script.ToString(), cancellationToken);
    }

    /// <summary>Exports the stored rows of <paramref name="ingested"/> in binary, then times loading them into <paramref name="empty"/> (migrated, no rows).</summary>
    public static async Task<ChildProcess.Result> RunStoredRowsAsync(string ingested, string empty, Func<Task> beforeLoad, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Workspace.Root, "stored-rows")).FullName;
        string RowsOf(string table) => Path.Combine(folder, table + ".bin");
        var export = await PsqlAsync(ingested, "export.sql", string.Concat(Tables.Select(t => $"\\copy {t} TO '{RowsOf(t)}' (FORMAT binary)\n")), cancellationToken);
        if (export.ExitCode != 0)
        {
            return export;
        }

        await beforeLoad();
        return await PsqlAsync(empty, "stored-rows.sql", string.Concat(Tables.Select(t => $"\\copy {t} FROM '{RowsOf(t)}' (FORMAT binary)\n")), cancellationToken);
    }

    private static async Task<ChildProcess.Result> PsqlAsync(string connectionString, string scriptName, string script, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string?>
        {
            ["PGHOST"] = builder.Host,
            ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = builder.Username,
            ["PGPASSWORD"] = builder.Password,
            ["PGDATABASE"] = builder.Database,
        };

        var path = Path.Combine(Workspace.Root, scriptName);
        await File.WriteAllTextAsync(path, script, cancellationToken);
        return await ChildProcess.RunAsync("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-f", path], environment, cancellationToken);
    }
}
