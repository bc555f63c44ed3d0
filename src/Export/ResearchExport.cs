using System.Globalization;
using System.Text;
using Evaluation.Analytics.Fidelity;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;

namespace Evaluation.Export;

/// <summary>The settings of one export (SPEC §8).</summary>
public sealed record ExportRequest(string Project, string Purpose, DateOnly AsOf, string Folder, IReadOnlyList<string> Formats, int K, DateMode Dates);

/// <summary>What an export wrote, for the audit log and the user.</summary>
public sealed record ExportSummary(IReadOnlyList<string> Files, int CourseRows, int WaveRows, DisclosureResult Disclosure);

/// <summary>
/// A research export (SPEC §8): the pseudonymised dataset, disclosure control on the course file,
/// the same courses in the wave file, CSV and/or Parquet, a codebook and a disclosure report.
/// </summary>
public static class ResearchExport
{
    public static async Task<ExportSummary> WriteAsync(Dataset data, InstrumentSet instruments, FidelityThresholds thresholds, OutcomeSettings settings, ProjectKeys keys, ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(request.Folder);
        var (courses, waves) = ResearchDataset.Build(data, request.AsOf, instruments, thresholds, settings, keys, request.Dates);
        var disclosure = KAnonymity.Apply(courses, request.K);

        // Waves of dropped courses go too: the wave file must not bring back what the course file hid.
        var kept = courses.Rows.Select(r => (string)r[1]!).ToHashSet();
        waves.Rows.RemoveAll(r => !kept.Contains((string)r[1]!));

        var files = new List<string>();
        foreach (var table in new[] { courses, waves })
        {
            if (request.Formats.Contains("csv"))
            {
                files.Add(ExportWriter.WriteCsv(table, request.Folder));
            }

            if (request.Formats.Contains("parquet"))
            {
                files.Add(await ExportWriter.WriteParquetAsync(table, request.Folder, cancellationToken));
            }
        }

        files.AddRange(ExportWriter.WriteCodebook([courses, waves], request.Folder));
        files.Add(WriteDisclosureReport(request, disclosure, waves.Rows.Count));
        return new ExportSummary(files, courses.Rows.Count, waves.Rows.Count, disclosure);
    }

    private static string WriteDisclosureReport(ExportRequest request, DisclosureResult result, int waveRows)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Disclosure report

            Project: {request.Project}
            Purpose: {request.Purpose}
            As of: {request.AsOf:yyyy-MM-dd}

            ## What does not leave the platform

            No CPR number, no birth date, no worker id, no free text. Persons and courses carry pseudonyms
            keyed to this project (HMAC-SHA-256 with the project's secret key): the same on every export of
            this project, unlinkable to any other project's. Workers carry codes for this export only. Age
            is a band. The contact start is {(request.Dates == DateMode.Shift ? "shifted by a per-person offset of 1–30 days, earlier or later, the same on every export of this project" : "coarsened to month")}; all
            other times are days since the contact start.

            ## k-anonymity

            Quasi-identifiers: {string.Join(", ", ResearchDataset.QuasiIdentifiers)}. Required k: {result.K}. Achieved k: {result.AchievedK}.

            Generalisations applied: {(result.Generalisations.Count == 0 ? "none" : string.Join("; ", result.Generalisations))}.

            Values suppressed (left empty): {string.Join(", ", result.Suppressed.Select(s => $"{s.Key} {s.Value}"))}.

            Rows dropped (unique even with every quasi-identifier empty): {result.RowsDropped}.

            Rows exported: {result.Rows} courses, {waveRows} course-waves.

            """);
        var path = Path.Combine(request.Folder, "disclosure_report.md");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }
}
