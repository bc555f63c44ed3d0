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
        courses = Describe(courses, disclosure);

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

    /// <summary>
    /// The course file with each quasi-identifier's codebook entry made exact for this export: the
    /// level chosen and the values that occur, and what an empty value means at that level.
    /// </summary>
    private static ExportTable Describe(ExportTable courses, DisclosureResult disclosure)
    {
        var columns = courses.Columns.Select((column, index) =>
        {
            if (disclosure.Levels.FirstOrDefault(l => l.Column == column.Name) is not { } level)
            {
                return column;
            }

            var observed = courses.Rows.Select(r => r[index] as string).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            var codes = level.Name == "suppressed"
                ? "suppressed for the whole file (k-anonymity)"
                : $"{column.Codes}. Level in this export: {level.Name}; values: {string.Join(", ", observed)}";
            var missing = level.Name == "suppressed" ? "suppressed for the whole file to reach k-anonymity (disclosure report)" : column.Missing;
            return column with { Codes = codes, Missing = missing, Range = level.Name == "suppressed" ? "" : column.Range };
        }).ToList();
        var described = new ExportTable(courses.Name, columns);
        described.Rows.AddRange(courses.Rows);
        return described;
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

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
            is a band. The contact start is {(request.Dates == DateMode.Shift ? "shifted by a per-person offset of 1–30 days, earlier or later, the same on every export of this project" : "coarsened to month (the first day of its month)")}; all
            other times are days since the contact start.

            ## k-anonymity

            Quasi-identifiers: {string.Join(", ", ResearchDataset.QuasiIdentifiers)}. Required k: {result.K}.
            Achieved k (smallest class in courses, a locally suppressed value counted as a value of its own): {result.AchievedK}, in {result.Classes} classes.

            Method: every combination of hierarchy levels ({result.NodesTried} tried) was generalised; rows in
            classes smaller than k were locally suppressed; the combination reaching k with at most
            {Percent(result.MaxSuppressedShare)} of the rows suppressed and the lowest total generalisation (sum of level
            heights) won. {result.NodesReachingK} of {result.NodesTried} combinations reached k.

            | quasi-identifier | level chosen | height |
            |---|---|---|

            """);
        foreach (var level in result.Levels)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {level.Column} | {level.Name} | {level.Height} |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nTotal generalisation (loss): {result.Loss}.\n\n");
        text.Append(result.SkippedLevels.Count == 0
            ? "Levels skipped because they merge nothing: none.\n\n"
            : "Levels skipped because they merge nothing in these data (as many distinct values as the level below): "
              + string.Join("; ", result.SkippedLevels.Select(s => $"{s.Column} → {s.Name} ({s.DistinctValues} values)")) + ".\n\n");
        if (!result.WithinSuppressionLimit)
        {
            text.Append(CultureInfo.InvariantCulture, $"**No combination reached k with at most {Percent(result.MaxSuppressedShare)} of the rows suppressed**: the coarsest was used with the suppression it needed.\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Rows locally suppressed (age band, municipality and children emptied, qi_suppressed = 1): {result.RowsSuppressed} of {result.Rows}.\n\n");
        var whole = result.Levels.Where(l => l.Name == "suppressed").Select(l => l.Column).ToHashSet();
        text.Append(CultureInfo.InvariantCulture, $"Cells suppressed in those rows: {string.Join(", ", result.CellsSuppressed.Select(s => whole.Contains(s.Key) ? $"{s.Key} – (the whole column is suppressed)" : $"{s.Key} {s.Value}"))}.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Rows dropped (still below k at the coarsest combination): {result.RowsDropped}.\n\n");
        if (result.UnknownMunicipalities.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Municipalities not among Denmark's 98, \"{DanishRegions.Unknown}\" at the region level: {string.Join(", ", result.UnknownMunicipalities)}.\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Rows exported: {result.Rows} courses, {waveRows} course-waves.\n");
        var path = Path.Combine(request.Folder, "disclosure_report.md");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }
}
