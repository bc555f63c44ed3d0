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
        var command = new Command("demo", "Start the embedded database, ingest the sample data and compute everything");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inbox = FindSampleData();
            if (inbox is null)
            {
                inbox = Path.Combine(app.Home.Path, "demo", "inbox");
                GenerateCommand.Generate(inbox, 300, 1);
                app.Console.MarkupLineInterpolated($"Generated synthetic sample data in [bold]{inbox}[/]");
            }
            else
            {
                app.Console.MarkupLineInterpolated($"Sample data: [bold]{inbox}[/]");
            }

            var connection = await app.ConnectionStringAsync(cancellationToken);
            app.Console.MarkupLineInterpolated($"Database: [bold]{Redact(connection)}[/]");
            var reports = await IngestCommand.RunAsync(app, inbox, cancellationToken);
            IngestCommand.Summarise(app.Console, reports);
            return 0;
        });
        return command;
    }

    /// <summary>The repository's sample-data folder, looked for from the working directory upwards.</summary>
    private static string? FindSampleData()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "sample-data");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Evaluation.sln")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Redact(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
}
