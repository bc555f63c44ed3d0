using System.CommandLine;
using Evaluation.Ingest;
using Evaluation.Ingest.Loading;
using Spectre.Console;

namespace Evaluation.Host.Commands;

/// <summary><c>evaluation ingest &lt;dir&gt; [--json]</c>: loads an inbox-like folder into the database (SPEC §6).</summary>
public static class IngestCommand
{
    public static Command Create(App app)
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Folder laid out like the inbox: <dir>/<municipality>/<kind>*.csv|xlsx" };
        var json = CommonOptions.Json();
        var command = new Command("ingest", "Load a folder of input files into the database; bad rows go to quarantine");
        command.Arguments.Add(folder);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reports = await RunAsync(app, parse.GetValue(folder)!.FullName, cancellationToken);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { files = reports });
            }
            else
            {
                Summarise(app.Console, reports);
            }

            return 0;
        });
        return command;
    }

    public static async Task<IReadOnlyList<FileReport>> RunAsync(App app, string folder, CancellationToken cancellationToken)
    {
        var dataSource = await app.DataSourceAsync(cancellationToken);
        var ingest = new DatabaseIngest(dataSource, app.Pseudonymizer, app.Instruments);
        IReadOnlyList<FileReport> reports = [];
        await app.Console.Status().StartAsync("Ingesting ...", async context =>
        {
            var progress = new Progress<string>(file => context.Status($"Ingesting {Markup.Escape(file)} ..."));
            reports = await ingest.IngestFolderAsync(folder, progress, cancellationToken);
        });
        return reports;
    }

    public static void Summarise(IAnsiConsole console, IReadOnlyList<FileReport> reports)
    {
        var table = new Table().AddColumns("File", "Kind", "Rows", "Loaded", "Unchanged", "Quarantined");
        foreach (var r in reports)
        {
            table.AddRow(Markup.Escape(r.File), r.Kind, r.Rows.ToString(), r.Loaded.ToString(), r.Unchanged.ToString(), r.Quarantined > 0 ? $"[yellow]{r.Quarantined}[/]" : "0");
        }

        table.AddRow("[bold]Total[/]", "", reports.Sum(r => r.Rows).ToString(), reports.Sum(r => r.Loaded).ToString(), reports.Sum(r => r.Unchanged).ToString(), reports.Sum(r => r.Quarantined).ToString());
        console.Write(table);
        foreach (var r in reports.Where(r => r.Errors.Count > 0))
        {
            foreach (var e in r.Errors.Take(5))
            {
                console.MarkupLineInterpolated($"[yellow]{r.File}[/] row {e.Row}, {e.Column ?? "-"}: {e.Reason}");
            }

            if (r.Errors.Count > 5)
            {
                console.MarkupLineInterpolated($"[grey]{r.File}: {r.Errors.Count - 5} more ...[/]");
            }
        }
    }
}
