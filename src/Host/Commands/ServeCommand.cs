using System.CommandLine;
using Evaluation.Host.Platform;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Evaluation.Host.Commands;

/// <summary>
/// <c>evaluation serve [--inbox &lt;dir&gt;] [--port &lt;n&gt;]</c>: runs the scheduled platform until stopped
/// (SPEC §9): Hangfire server and dashboard at <c>http://127.0.0.1:&lt;port&gt;/hangfire</c>.
/// </summary>
public static class ServeCommand
{
    public static Command Create(App app)
    {
        var inbox = new Option<DirectoryInfo>("--inbox") { Description = "The folder municipalities drop files into [default: $EVALUATION_HOME/inbox, or Serve:Inbox]", HelpName = "dir" };
        var port = new Option<int?>("--port") { Description = "The dashboard's port [default: 5080, or Serve:Port]", HelpName = "n" };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } n and (< 1 or > 65535))
            {
                result.AddError($"--port {n}: expected a port number from 1 to 65535");
            }
        });
        var command = new Command("serve", "Run the scheduled jobs (ingest the inbox, compute, render reports) with the Hangfire dashboard");
        command.Options.Add(inbox);
        command.Options.Add(port);
        command.SetAction(async (parse, cancellationToken) =>
        {
            app.Progress.Live = false; // jobs run side by side and write a log, not one live line
            var serve = app.Options.Serve;
            serve.Inbox = parse.GetValue(inbox)?.FullName ?? serve.Inbox;
            serve.Port = parse.GetValue(port) ?? serve.Port;
            await using var web = await PlatformHost.BuildAsync(app, serve, cancellationToken);
            await web.StartAsync(cancellationToken);
            app.Console.MarkupLineInterpolated($"Dashboard: [bold]http://{serve.Bind}:{serve.Port}/hangfire[/]; inbox: [bold]{PlatformJobs.InboxFolder(app, serve)}[/]. Stop with Ctrl+C.");
            await web.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
