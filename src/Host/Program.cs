using System.CommandLine;
using System.CommandLine.Help;
using Evaluation.Host;
using Evaluation.Host.Commands;

var app = new App();
var root = new RootCommand("Evaluation: outcomes and fidelity of Critical Time Intervention (CTI) for women leaving shelters.\n" +
    "Start with 'evaluation demo'; 'evaluation <command> --help' describes a command. Exit codes: 0 done, 1 failed, 2 usage or configuration error.");

// In the order of the work: try it, get data in, compute, publish, run it unattended; then the tools.
root.Subcommands.Add(DemoCommand.Create(app));
root.Subcommands.Add(GenerateCommand.Create(app));
root.Subcommands.Add(IngestCommand.Create(app));
root.Subcommands.Add(OutcomesCommand.Create(app));
root.Subcommands.Add(FidelityCommand.Create(app));
root.Subcommands.Add(ReportCommand.Create(app));
root.Subcommands.Add(ExportCommand.Create(app));
root.Subcommands.Add(ServeCommand.Create(app));
root.Subcommands.Add(DbCommand.Create(app));
root.Subcommands.Add(BenchCommand.Create(app));
foreach (var help in root.Options.OfType<HelpOption>())
{
    help.Action = new PlainDatesHelpAction((HelpAction)help.Action!);
}

// Help goes to stderr with everything else for people: stdout carries only the documents a command prints (SPEC §6).
var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = Console.Error, Error = Console.Error };
var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
if (parse.Errors.Count > 0)
{
    // System.CommandLine's own messages, one a line, with the name meant when a token is a near miss,
    // then where to look: not the whole help page.
    var command = parse.CommandResult.Command;
    var names = command.Subcommands.Select(c => c.Name).Concat(command.Options.SelectMany(o => o.Aliases.Append(o.Name))).ToList();
    foreach (var error in parse.Errors.Where(e => parse.UnmatchedTokens.Count == 0 || !e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)))
    {
        var token = parse.UnmatchedTokens.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
        if (token is not null && Spelling.Closest(token, names) is { } meant)
        {
            await Console.Error.WriteLineAsync($"error: {error.Message} Did you mean '{meant}'?");
            continue;
        }

        // One line per error even when System.CommandLine lists the allowed values on lines of their own.
        await Console.Error.WriteLineAsync($"error: {string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
    }

    var path = new List<string>();
    for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
    {
        path.Insert(0, c.Name);
    }

    await Console.Error.WriteLineAsync($"See '{string.Join(' ', path)} --help'.");
    return ExitCodes.Usage;
}

// A command runs only on a configuration that checks out; help needs none.
if (parse.Action == parse.CommandResult.Command.Action && app.ConfigurationProblems.Count > 0)
{
    foreach (var problem in app.ConfigurationProblems)
    {
        await Console.Error.WriteLineAsync($"error: {problem}");
    }

    return ExitCodes.Usage;
}

try
{
    return await parse.InvokeAsync(configuration);
}
catch (Exception e)
{
    // Never a stack trace for users: one line; the detail with EVALUATION_DEBUG=1.
    await Console.Error.WriteLineAsync($"error: {ExitCodes.Describe(e)}");
    if (Environment.GetEnvironmentVariable("EVALUATION_DEBUG") == "1")
    {
        await Console.Error.WriteLineAsync(e.ToString());
    }

    return ExitCodes.For(e);
}
