using System.CommandLine;
using System.Text.Json;
using Evaluation.Data.Storage;
using Evaluation.Export;
using Spectre.Console;

namespace Evaluation.Host.Commands;

/// <summary>
/// <c>evaluation export [--data dir] --as-of date --project name --purpose text --out dir [--format csv,parquet] [--k 5] [--dates shift|month]</c>
/// writes a pseudonymised, disclosure-controlled research dataset and logs the export in the database;
/// <c>evaluation export --log</c> lists the exports (SPEC §8).
/// </summary>
public static class ExportCommand
{
    public static Command Create(App app)
    {
        var data = CommonOptions.Data();
        var asOf = CommonOptions.AsOf();
        var project = new Option<string?>("--project") { Description = "Research project (letters, digits, '-' and '_'; required unless --log): its secret key is created on first use and reused", HelpName = "name" };
        project.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                result.AddError($"--project '{name}': a project name may hold letters, digits, '-' and '_' only");
            }
        });
        var purpose = new Option<string?>("--purpose") { Description = "What the data are for, kept in the export log (required unless --log)", HelpName = "text" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the files (required unless --log)", HelpName = "dir" };
        var formats = new Option<string>("--format") { Description = "csv, parquet or both (comma-separated)", HelpName = "csv,parquet", DefaultValueFactory = _ => "csv,parquet" };
        formats.Validators.Add(result =>
        {
            var unknown = Formats(result.GetValueOrDefault<string>()).Where(f => f is not ("csv" or "parquet")).ToList();
            if (unknown.Count > 0 || Formats(result.GetValueOrDefault<string>()).Count == 0)
            {
                result.AddError($"--format '{result.GetValueOrDefault<string>()}': expected csv, parquet or csv,parquet");
            }
        });
        var k = new Option<int>("--k") { Description = "k-anonymity on age band, municipality, children and group", DefaultValueFactory = _ => 5 };
        k.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"--k {result.GetValueOrDefault<int>()}: expected a whole number, 1 or more");
            }
        });
        var dates = new Option<string>("--dates") { Description = "shift (per person, ±1–30 days) or month", DefaultValueFactory = _ => "shift" };
        dates.AcceptOnlyFromAmong("shift", "month");
        var log = new Option<bool>("--log") { Description = "List the exports made so far (needs no other option)" };
        var command = new Command("export", "Pseudonymised, disclosure-controlled research dataset (CSV/Parquet, codebook, disclosure report); every export is logged");
        foreach (var option in new Option[] { data, asOf, project, purpose, output, formats, k, dates, log })
        {
            command.Options.Add(option);
        }

        // Checked while parsing, before the database is touched: name exactly what is missing.
        command.Validators.Add(result =>
        {
            if (result.GetValue(log))
            {
                return;
            }

            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(result.GetValue(project)))
            {
                missing.Add(project.Name);
            }

            if (string.IsNullOrWhiteSpace(result.GetValue(purpose)))
            {
                missing.Add(purpose.Name);
            }

            if (result.GetValue(output) is null)
            {
                missing.Add(output.Name);
            }

            if (missing.Count > 0)
            {
                result.AddError($"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} required for an export (or give --log to list the exports)");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = await app.DataSourceAsync(cancellationToken);
            if (parse.GetValue(log))
            {
                await using var list = source.CreateCommand("SELECT at, user_name, details::text FROM audit_log WHERE action = 'export' ORDER BY at");
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    Console.Out.WriteLine($"{reader.GetFieldValue<DateTimeOffset>(0):yyyy-MM-dd HH:mm:ss}Z\t{reader.GetString(1)}\t{reader.GetString(2)}");
                }

                return 0;
            }

            var name = parse.GetValue(project)!;
            var why = Domain.People.CprNumber.MaskAll(parse.GetValue(purpose)!); // free text: a CPR number typed into it is not kept in clear
            var folder = parse.GetValue(output)!;
            var request = new ExportRequest(name, why, parse.GetValue(asOf), folder.FullName,
                Formats(parse.GetValue(formats)),
                parse.GetValue(k), parse.GetValue(dates) == "month" ? DateMode.Month : DateMode.Shift);
            var keys = new ProjectKeys(new KeyStore(app.Home).GetOrCreate("project-" + name));
            var dataset = await app.LoadDatasetAsync(parse.GetValue(data), cancellationToken);
            var summary = await app.Progress.StageAsync("Computing and writing the export", _ => ResearchExport.WriteAsync(dataset, app.Instruments, app.Options.Fidelity, app.Options.Outcomes, keys, request, cancellationToken));

            // Every export is logged: who, when, purpose, project, parameters, row counts.
            var details = JsonSerializer.Serialize(new
            {
                project = name,
                purpose = why,
                as_of = request.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                formats = request.Formats,
                k = request.K,
                dates = request.Dates.ToString().ToLowerInvariant(),
                source = parse.GetValue(data)?.FullName ?? "database",
                course_rows = summary.CourseRows,
                wave_rows = summary.WaveRows,
                achieved_k = summary.Disclosure.AchievedK,
                rows_dropped = summary.Disclosure.RowsDropped,
            });
            await using (var audit = source.CreateCommand("INSERT INTO audit_log (at, user_name, action, details) VALUES (now(), @user, 'export', @details::jsonb)"))
            {
                audit.Parameters.AddWithValue("user", Environment.GetEnvironmentVariable("USER") ?? Environment.UserName);
                audit.Parameters.AddWithValue("details", details);
                await audit.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var file in summary.Files)
            {
                app.Console.MarkupLineInterpolated($"Wrote [bold]{file}[/]");
            }

            app.Console.MarkupLineInterpolated($"{summary.CourseRows} courses, {summary.WaveRows} course-waves; k = {summary.Disclosure.AchievedK} achieved (required {request.K}).");
            return 0;
        });
        return command;
    }

    private static List<string> Formats(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).Distinct().ToList();
}
