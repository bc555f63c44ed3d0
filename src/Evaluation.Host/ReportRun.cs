using System.Reflection;
using Evaluation.Analytics;
using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Ingest;
using Evaluation.Reports;
using Evaluation.Reports.Workbooks;
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
        var outcomes = new OutcomesCalculator(app.Instruments, app.Options.Outcomes).Calculate(data, asOf);
        var fidelityCalculator = new FidelityCalculator(app.Options.Fidelity);
        var fidelity = fidelityCalculator.Calculate(data, asOf);
        var index = new CourseIndex(data, new AsOf(asOf));
        var input = new ReportInput(
            data,
            asOf,
            outcomes,
            fidelity,
            fidelityCalculator.Caseload(index),
            new HousingFollowUp(index, app.Options.Outcomes),
            new ShelterFollowUp(index, app.Options.Outcomes),
            quality,
            new MethodNotes(SoftwareVersion, app.Instruments.Source, app.Options.Fidelity, app.Options.Outcomes));
        var labels = new Labels(language);
        var disclosure = new Disclosure(app.Options.Reports.DiscretionThreshold);
        var municipalities = data.Courses.Select(c => c.Municipality).Distinct().Order(StringComparer.Ordinal)
            .Where(m => municipality is null || m == municipality).ToList();
        var written = new List<string>();
        foreach (var m in municipalities)
        {
            written.Add(new ReportWorkbook(input, m, labels, disclosure).Write(folder));
        }

        if (municipality is null)
        {
            written.Add(new ReportWorkbook(input, OutcomesCalculator.All, labels, disclosure).Write(folder));
        }

        return written;
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
