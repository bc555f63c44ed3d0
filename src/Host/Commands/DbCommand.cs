using Spectre.Console;
using System.CommandLine;
using Evaluation.Data.Embedded;

namespace Evaluation.Host.Commands;

/// <summary><c>evaluation db</c>: prints the connection string in use, starting the embedded cluster if needed (SPEC §6).</summary>
public static class DbCommand
{
    public static Command Create(App app)
    {
        var stop = new Option<bool>("--stop") { Description = "Stop the embedded PostgreSQL server of this EVALUATION_HOME" };
        var command = new Command("db", "Print the connection string of the database in use (starting the embedded one if needed), or stop the embedded one");
        command.Options.Add(stop);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(stop))
            {
                new EmbeddedCluster(app.Home.Database, log: System.Console.Error).Stop();
                app.Console.MarkupLine("[grey]The embedded PostgreSQL server is stopped.[/]");
                return 0;
            }

            System.Console.Out.WriteLine(await app.ConnectionStringAsync(cancellationToken));
            return 0;
        });
        return command;
    }
}
