using System.CommandLine;
using Evaluation.Ingest;
using Evaluation.Ingest.Loading;
using Evaluation.Ingest.Reading;
using Spectre.Console;

namespace Evaluation.Host.Commands;

/// <summary>
/// <c>evaluation ingest &lt;dir&gt; [--json] [--dry-run]</c>: loads an inbox-like folder into the database
/// (SPEC §6), or with <c>--dry-run</c> validates and reports exactly as ingest would without storing anything.
/// </summary>
public static class IngestCommand
{
    public static Command Create(App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Folder laid out like the inbox: <dir>/<municipality>/<kind>*.csv|xlsx" };
        var json = CommonOptions.Json();
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and report as ingest would, without loading anything" };
        var command = new Command("ingest", "Load a folder of input files into the database; bad rows go to quarantine");
        command.Arguments.Add(folder);
        command.Options.Add(json);
        command.Options.Add(dryRun);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(folder)!.FullName;
            var reports = await RunAsync(app, path, cancellationToken, parse.GetValue(dryRun));
            if (!reports.Any(r => r.Kind != "unknown"))
            {
                app.Console.MarkupLineInterpolated($"[yellow]No input files found in {path}.[/] Expected {path}/<municipality>/<kind>*.csv or .xlsx, where <kind> is courses, checklists, contacts, plans, answers, shelter_stays, tenancies or staff (or the Danish names forloeb, tjeklister, kontakter, planer, besvarelser, krisecenterophold, lejemaal, medarbejdere).");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { files = reports });
            }
            else if (reports.Count > 0)
            {
                Summarise(app.Console, reports);
            }

            if (parse.GetValue(dryRun))
            {
                app.Console.MarkupLine("[grey]Dry run: nothing was loaded.[/]");
            }

            return 0;
        });
        return command;
    }

    public static async Task<IReadOnlyList<FileReport>> RunAsync(App app, string folder, CancellationToken cancellationToken, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(app);

        // An empty folder needs no database: say so without starting one.
        if (InboxFile.List(folder).Count == 0)
        {
            return [];
        }

        var dataSource = await app.DataSourceAsync(cancellationToken);
        var ingest = new DatabaseIngest(dataSource, app.Pseudonymizer, app.Instruments, app.IngestSettings) { DryRun = dryRun };
        if (!app.Console.Profile.Capabilities.Interactive)
        {
            return await ingest.IngestFolderAsync(folder, null, cancellationToken); // a log has no spinner to show it on
        }

        IReadOnlyList<FileReport> reports = [];
        await app.Console.Status().StartAsync(dryRun ? "Checking ..." : "Ingesting ...", async context =>
        {
            var progress = new Progress<string>(file => context.Status($"{(dryRun ? "Checking" : "Ingesting")} {Markup.Escape(Evaluation.Ingest.Parsing.IngestError.Safe(file) ?? "")} ..."));
            reports = await ingest.IngestFolderAsync(folder, progress, cancellationToken);
        });
        return reports;
    }

    public static void Summarise(IAnsiConsole console, IReadOnlyList<FileReport> reports)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(reports);
        var table = new Table().AddColumns("File", "Kind", "Encoding", "Rows", "New", "Updated", "Unchanged", "Quarantined");
        foreach (var r in reports)
        {
            table.AddRow(Markup.Escape(r.File), r.Kind, Markup.Escape(r.Encoding ?? ""), r.Rows.ToString(), r.Inserted.ToString(), r.Updated.ToString(), r.Unchanged.ToString(), r.Quarantined > 0 ? $"[yellow]{r.Quarantined}[/]" : "0");
        }

        table.AddRow("[bold]Total[/]", "", "", reports.Sum(r => r.Rows).ToString(), reports.Sum(r => r.Inserted).ToString(), reports.Sum(r => r.Updated).ToString(), reports.Sum(r => r.Unchanged).ToString(), reports.Sum(r => r.Quarantined).ToString());
        console.Write(table);
        foreach (var r in reports.Where(r => r.Errors.Count > 0))
        {
            foreach (var e in r.Errors.Take(5))
            {
                console.MarkupLineInterpolated($"[yellow]{r.File}[/] {(e.Row == 0 ? "(the file)" : $"row {e.Row}")}, {e.Column ?? "-"}: {e.Reason}");
            }

            if (r.Errors.Count > 5)
            {
                console.MarkupLineInterpolated($"[grey]{r.File}: {r.Errors.Count - 5} more ...[/]");
            }
        }
    }
}
