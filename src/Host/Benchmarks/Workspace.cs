using Evaluation.SampleData;
using Npgsql;
using Spectre.Console;

namespace Evaluation.Host.Benchmarks;

/// <summary>Generated inboxes and fresh databases for the benchmarks, under the system's temporary folder.</summary>
public static class Workspace
{
    public static string Root => Path.Combine(Path.GetTempPath(), "evaluation-bench");

    /// <summary>A generated inbox of n courses, reused when it exists (generation is not what is measured).</summary>
    public static string Inbox(int courses, double contactIntensity, bool xlsx, IAnsiConsole console, int municipalities = 4)
    {
        var folder = Path.Combine(Root, $"inbox-{courses}-{contactIntensity:0.0}-{(xlsx ? "xlsx" : "csv")}" + (municipalities == 4 ? "" : $"-{municipalities}m"));
        if (!File.Exists(Path.Combine(folder, ".complete")))
        {
            console.MarkupLineInterpolated($"Generating {courses:N0} courses into {folder} ...");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var tables = new SampleGenerator(3, SampleGenerator.DefaultExtractionDate) { ContactIntensity = contactIntensity, MunicipalityCount = municipalities }.Generate(courses);
            InboxWriter.Write(folder, tables, xlsx);
            File.WriteAllText(Path.Combine(folder, ".complete"), "");
        }

        return folder;
    }

    /// <summary>
    /// Creates an empty database next to the one in use and returns its connection string; the
    /// databases of earlier runs with the same prefix are dropped, so benchmarks do not fill the disk.
    /// </summary>
    /// <summary>
    /// Writes out every dirty page (CHECKPOINT) so that the run timed next does not pay for writing
    /// the pages of the run before it. Needs a superuser or pg_checkpoint; without, the runs go on as they are.
    /// </summary>
    public static async Task CheckpointAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
        try
        {
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // A configured database without the right: the comparison is as fair as the server allows.
        }
    }

    public static async Task<string> FreshDatabaseAsync(string connectionString, string prefix, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var earlier = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @prefix", connection))
        {
            list.Parameters.AddWithValue("prefix", prefix + "\\_%");
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                earlier.Add(reader.GetString(0));
            }
        }

        foreach (var name in earlier)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        var fresh = $"{prefix}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {fresh}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = fresh }.ConnectionString;
    }
}
