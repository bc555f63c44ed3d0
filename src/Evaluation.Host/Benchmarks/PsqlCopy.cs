using System.Diagnostics;
using System.Text;
using Evaluation.Ingest.Reading;
using Npgsql;

namespace Evaluation.Host.Benchmarks;

/// <summary>
/// The reference for ingest speed: <c>psql \copy</c> of every CSV file of an inbox into a bare text
/// table (one column per header field, no keys, no checks) in the same database server.
/// </summary>
public static class PsqlCopy
{
    public static async Task<ChildProcess.Result> RunAsync(string connectionString, string inbox, CancellationToken cancellationToken)
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

        var path = Path.Combine(Workspace.Root, "copy.sql");
        await File.WriteAllTextAsync(path, script.ToString(), cancellationToken);
        return await ChildProcess.RunAsync("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-f", path], environment, cancellationToken);
    }
}
