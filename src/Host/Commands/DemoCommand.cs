using Spectre.Console;
using System.CommandLine;

namespace Evaluation.Host.Commands;

/// <summary>
/// <c>evaluation demo</c>: with no configuration, starts the embedded database, takes the committed
/// <c>sample-data/</c> (or generates the same synthetic data when run outside the repository),
/// ingests it and prints what it did (SPEC §9).
/// </summary>
public static class DemoCommand
{
    public static Command Create(App app)
    {
        var command = new Command("demo", "Try it: start the embedded database, ingest the sample data, compute everything and write the reports under $EVALUATION_HOME/reports");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inbox = FindSampleData();
            if (inbox is null)
            {
                inbox = Path.Combine(app.Home.Path, "demo", "inbox");
                await app.Progress.StageAsync("Generating synthetic sample data", _ => GenerateCommand.Generate(inbox, 300, 1));
                app.Console.MarkupLineInterpolated($"Generated synthetic sample data in [bold]{inbox}[/]");
            }
            else
            {
                app.Console.MarkupLineInterpolated($"Sample data: [bold]{inbox}[/]");
            }

            var connection = await app.ConnectionStringAsync(cancellationToken); // the embedded cluster says what it does itself
            app.Console.MarkupLineInterpolated($"Database: [bold]{Redact(connection)}[/]");
            var reports = await IngestCommand.RunAsync(app, inbox, cancellationToken);
            IngestCommand.Summarise(app.Console, reports);

            // Results as of today, from what is now in the database.
            var asOf = DateOnly.FromDateTime(DateTime.Today);
            var (data, quality) = await app.LoadWithQualityAsync(null, cancellationToken);
            var (input, results, workbooks) = await app.Progress.StageAsync("Computing outcomes and fidelity, writing the reports", _ => ReportRun.PublishAsync(app, data, quality, asOf, workbooks: true, cancellationToken));
            app.Console.MarkupLineInterpolated($"Outcomes and fidelity as of {asOf:yyyy-MM-dd}: {data.Courses.Count} courses, {input.Fidelity.Courses.Count} CTI courses scored, {input.Fidelity.PhaseBoard.Count(p => p.Overdue)} overdue on the phase board.");
            foreach (var workbook in workbooks)
            {
                app.Console.MarkupLineInterpolated($"Workbook: [bold]{workbook}[/]");
            }

            app.Console.MarkupLineInterpolated($"Results written to [bold]{results}[/]");
            return 0;
        });
        return command;
    }

    /// <summary>The repository's sample-data folder, when the CLI runs inside a checkout.</summary>
    private static string? FindSampleData() =>
        Repository.Root() is { } root && Directory.Exists(Path.Combine(root, "sample-data")) ? Path.Combine(root, "sample-data") : null;

    private static string Redact(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
}
