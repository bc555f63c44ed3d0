using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Evaluation.Domain.Courses;
using Evaluation.Ingest;
using Evaluation.Reports;
using Npgsql;

namespace Evaluation.Host;

/// <summary>Computes everything once and writes one workbook per municipality plus the cross-municipality workbook (SPEC §7).</summary>
public static class ReportRun
{
    public static string SoftwareVersion =>
        typeof(ReportRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Outcomes and fidelity with the configured instruments, thresholds and settings.</summary>
    public static ReportInput Compute(App app, Dataset data, IReadOnlyList<QualityRow> quality, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(app);
        return ReportInput.Compute(data, asOf, app.Instruments, app.Options.Fidelity, app.Options.Outcomes, quality, SoftwareVersion);
    }

    /// <summary>Writes the report and management workbooks (SPEC §7); one progress message per workbook.</summary>
    public static IReadOnlyList<string> Write(App app, Dataset data, IReadOnlyList<QualityRow> quality, DateOnly asOf, string folder, string language, string? municipality, IProgress<string>? progress = null)
    {
        var input = Compute(app, data, quality, asOf);
        return input.WriteWorkbooks(folder, new Labels(language), app.Options.Reports.DiscretionThreshold, municipality, progress).Files;
    }

    /// <summary>
    /// Computes outcomes and fidelity from <paramref name="data"/> and publishes them under
    /// <c>$EVALUATION_HOME/reports/&lt;as-of&gt;/</c>: <c>outcomes.json</c>, <c>fidelity.json</c> and, when asked,
    /// the workbooks. Everything is written to a hidden folder first and then moved in file by file,
    /// so a reader never finds a half-written workbook.
    /// </summary>
    public static async Task<PublishedResults> PublishAsync(App app, Dataset data, IReadOnlyList<QualityRow> quality, DateOnly asOf, bool workbooks, CancellationToken cancellationToken)
    {
        var input = Compute(app, data, quality, asOf);
        var folder = Path.Combine(app.Home.Reports, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var staging = Path.Combine(app.Home.Reports, $".{Path.GetFileName(folder)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(staging, "outcomes.json"), JsonSerializer.Serialize(input.Outcomes, JsonOutput.Options), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(staging, "fidelity.json"), JsonSerializer.Serialize(input.Fidelity, JsonOutput.Options), cancellationToken);
            var written = workbooks
                ? input.WriteWorkbooks(staging, new Labels(app.Options.Reports.Language), app.Options.Reports.DiscretionThreshold).Files
                : [];
            MoveInto(staging, folder);
            return new PublishedResults(input, folder, written.Select(w => Path.Combine(folder, Path.GetRelativePath(staging, w))).ToList());
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static void MoveInto(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.GetDirectories(source))
        {
            MoveInto(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }

    /// <summary>Quarantined rows by file and reason, from the database.</summary>
    public static async Task<IReadOnlyList<QualityRow>> QualityAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var rows = new List<QualityRow>();
        await using var command = dataSource.CreateCommand(
            """
            SELECT f.file_name, f.kind, q.reason, count(DISTINCT q.row)::int
            FROM quarantine q JOIN ingest_files f ON f.id = q.file_id
            WHERE q.row > 1
            GROUP BY f.file_name, f.kind, q.reason
            ORDER BY f.file_name, q.reason
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new QualityRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return rows;
    }

    /// <summary>Quarantined rows by file and reason, from reading a folder.</summary>
    public static IReadOnlyList<QualityRow> Quality(IReadOnlyList<FileReport> files) =>
        files.SelectMany(f => f.Errors.Where(e => e.Row > 1).GroupBy(e => e.Reason).Select(g => new QualityRow(f.File, f.Kind, g.Key, g.Select(e => e.Row).Distinct().Count())))
            .ToList();
}

/// <summary>What <see cref="ReportRun.PublishAsync"/> computed and where it put it.</summary>
public sealed record PublishedResults(ReportInput Input, string Folder, IReadOnlyList<string> Workbooks);
