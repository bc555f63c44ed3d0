using System.CommandLine;
using Evaluation.Data.Embedded;
using Evaluation.Domain.Instruments;
using Evaluation.Host;
using Evaluation.Host.Commands;

var app = new App();
var root = new RootCommand("Evaluation: outcomes and fidelity of Critical Time Intervention for women leaving shelters");
root.Subcommands.Add(DemoCommand.Create(app));
root.Subcommands.Add(DbCommand.Create(app));
root.Subcommands.Add(IngestCommand.Create(app));
root.Subcommands.Add(GenerateCommand.Create(app));
root.Subcommands.Add(FidelityCommand.Create(app));
root.Subcommands.Add(OutcomesCommand.Create(app));
root.Subcommands.Add(ReportCommand.Create(app));
root.Subcommands.Add(ExportCommand.Create(app));
root.Subcommands.Add(ServeCommand.Create(app));
root.Subcommands.Add(BenchCommand.Create(app));
try
{
    // Help and parse errors go to stderr: stdout carries only the documents a command prints (SPEC §6).
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = Console.Error });
}
catch (Exception e) when (e is EmbeddedClusterException or InstrumentDefinitionException or DirectoryNotFoundException or FileNotFoundException or Npgsql.NpgsqlException or Evaluation.Data.Storage.PseudonymKeyMismatchException or Evaluation.Host.Platform.ServeConfigurationException)
{
    // Problems a user can fix get a plain message, not a stack trace.
    await Console.Error.WriteLineAsync($"evaluation: {e.Message}");
    return 1;
}
