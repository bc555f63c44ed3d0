using System.Reflection;
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

    public static IReadOnlyList<string> Write(App app, Dataset data, IReadOnlyList<QualityRow> quality, DateOnly asOf, string folder, string language, string? municipality)
    {
        ArgumentNullException.ThrowIfNull(app);
        var input = ReportInput.Compute(data, asOf, app.Instruments, app.Options.Fidelity, app.Options.Outcomes, quality, SoftwareVersion);
        return input.WriteWorkbooks(folder, new Labels(language), new Disclosure(app.Options.Reports.DiscretionThreshold), municipality);
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
