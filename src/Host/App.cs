using Evaluation.Data.Storage;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.People;
using Evaluation.Ingest;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Spectre.Console;

namespace Evaluation.Host;

/// <summary>
/// What every command needs, made on demand: the home folder, configuration, the pseudonym key,
/// the instruments and, only when a command uses it, the database (embedded or configured).
/// Everything for people goes to stderr; stdout carries only the requested output (SPEC §6).
/// </summary>
public sealed class App
{
    private NpgsqlDataSource? dataSource;
    private (string ConnectionString, NpgsqlDataSource Source)? database;
    private InstrumentSet? instruments;
    private IngestSettings? ingestSettings;

    public App()
    {
        Home = EvaluationHome.FromEnvironment();
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Home.Path, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("EVALUATION_");
        try
        {
            (Options, ConfigurationProblems) = EvaluationOptions.Load(builder.Build());
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // e.g. "Failed to load configuration from file '…/appsettings.json'" with the JSON error as its cause.
            (Options, ConfigurationProblems) = (new EvaluationOptions(), [ConfigurationProblem.UnreadableFile(ExitCodes.Describe(e))]);
        }
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Error),

            // Plain text when stderr goes to a file or a CI log.
            Ansi = System.Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            Interactive = System.Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (System.Console.IsErrorRedirected)
        {
            Console.Profile.Width = 160; // a log line is not a terminal: do not wrap at 80
        }

        Progress = new ConsoleProgress(Console, live: !System.Console.IsErrorRedirected && Console.Profile.Capabilities.Interactive, TimeProvider.System);
    }

    public EvaluationHome Home { get; }

    /// <summary>The checked configuration; the defaults while <see cref="ConfigurationProblems"/> is not empty.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>Configuration values that cannot be used; no command runs while there are any.</summary>
    public IReadOnlyList<ConfigurationProblem> ConfigurationProblems { get; }

    /// <summary>Stages of a long command on stderr: live on a terminal, timestamped lines otherwise.</summary>
    public ConsoleProgress Progress { get; }

    /// <summary>The console for people: stderr.</summary>
    public IAnsiConsole Console { get; }

    public Pseudonymizer Pseudonymizer => new(new KeyStore(Home).GetOrCreate(KeyStore.DatabaseKey));

    /// <summary>The instruments in use (SPEC §3), read once; a bad file is an <see cref="InstrumentDefinitionException"/> naming it.</summary>
    public InstrumentSet Instruments => instruments ??= string.IsNullOrWhiteSpace(Options.Instruments.File)
        ? InstrumentSet.Default
        : InstrumentSet.Load(Options.Instruments.File);

    /// <summary>The column vocabulary (shipped default extended by <c>Ingest:VocabularyFile</c>), ignored columns and limits; read once, as the instruments are.</summary>
    public IngestSettings IngestSettings => ingestSettings ??= IngestSettings.From(Options.Ingest);

    /// <summary>The connection string in use, starting the embedded cluster and migrating the schema on first use.</summary>
    public async Task<string> ConnectionStringAsync(CancellationToken cancellationToken) => (await DatabaseAsync(cancellationToken)).ConnectionString;

    /// <summary>The database in use, migrated; its data source is the one every later command of this process uses.</summary>
    private async Task<(string ConnectionString, NpgsqlDataSource Source)> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (database is null)
        {
            var found = DatabaseLocator.ConnectionString(Home, Options.Database.ConnectionString, System.Console.Error);
            var source = NpgsqlDataSource.Create(found);
            await Schema.MigrateAsync(source, found, cancellationToken);
            database = (found, source);
        }

        return database.Value;
    }

    /// <summary>
    /// The data to compute on: an inbox-like folder read with the same reader and validation as
    /// ingest (<c>--data</c>), or the database.
    /// </summary>
    public async Task<Dataset> LoadDatasetAsync(DirectoryInfo? folder, CancellationToken cancellationToken) =>
        (await LoadWithQualityAsync(folder, cancellationToken)).Data;

    /// <summary>The data and the rows that could not be used (by file and reason), for the reports.</summary>
    public async Task<(Dataset Data, IReadOnlyList<Reports.QualityRow> Quality)> LoadWithQualityAsync(DirectoryInfo? folder, CancellationToken cancellationToken)
    {
        if (folder is not null)
        {
            var reader = new FolderReader(Pseudonymizer, Instruments, IngestSettings);
            var (data, files) = await Progress.StageAsync($"Reading {folder.FullName}", _ => reader.Read(folder.FullName));

            // A file that is not read at all, or whose header stops it, is named with its reason:
            // its rows are missing from every number that follows.
            foreach (var file in files)
            {
                foreach (var error in file.Errors.Where(e => e.Row <= 1).Take(3))
                {
                    Console.MarkupLineInterpolated($"[yellow]{file.File}[/] {(error.Row == 0 ? "(the file)" : "row 1")}{(error.Column is null ? "" : ", " + error.Column)}: {error.Reason}");
                }
            }

            int quarantined = files.Sum(f => f.Quarantined);
            if (quarantined > 0)
            {
                Console.MarkupLineInterpolated($"[yellow]{quarantined} rows of {folder.FullName} were not usable (run 'evaluation ingest --dry-run {folder.FullName}' to see why).[/]");
            }

            return (data, ReportRun.Quality(files));
        }

        var source = await DataSourceAsync(cancellationToken);
        return await Progress.StageAsync("Reading the database", async _ =>
            (await new DatasetRepository(source).LoadAsync(cancellationToken), await ReportRun.QualityAsync(source, cancellationToken)));
    }

    /// <summary>The database, checked to hold data made with this home's pseudonym key.</summary>
    public async Task<NpgsqlDataSource> DataSourceAsync(CancellationToken cancellationToken)
    {
        if (dataSource is null)
        {
            var source = (await DatabaseAsync(cancellationToken)).Source;
            var store = new KeyStore(Home);
            await PseudonymKeyCheck.EnsureAsync(source, store.GetOrCreate(KeyStore.DatabaseKey), store.PathOf(KeyStore.DatabaseKey), cancellationToken);
            dataSource = source;
        }

        return dataSource;
    }
}
