using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Evaluation.Analytics.Fidelity;
using Evaluation.Host.Benchmarks;
using Evaluation.Ingest;
using Spectre.Console;

namespace Evaluation.Host.Commands;

/// <summary>
/// <c>evaluation bench ingest|outcomes|fidelity</c>: the speed and memory measurements of the
/// issues, each against its reference in the same run on the same machine and data.
/// </summary>
public static class BenchCommand
{
    public static Command Create(App app)
    {
        var command = new Command("bench", "Benchmarks, each against its reference on the same machine and data: ingest, outcomes, fidelity, reports");
        command.Subcommands.Add(Ingest(app));
        command.Subcommands.Add(Outcomes(app));
        command.Subcommands.Add(Fidelity(app));
        command.Subcommands.Add(Reports(app));
        return command;
    }

    private static Option<int> Courses(int defaultValue) => new("--courses") { Description = "Courses to generate", HelpName = "n", DefaultValueFactory = _ => defaultValue };

    private static Command Ingest(App app)
    {
        var courses = Courses(60_000);
        var runs = new Option<int>("--runs") { Description = "Timed runs of each, in turn; the medians are compared (one run on a busy machine says little)", HelpName = "n", DefaultValueFactory = _ => 3 };
        var command = new Command("ingest", "Time 'evaluation ingest' against PostgreSQL's share (the stored rows copied back in binary) and psql \\copy of the raw text");
        command.Options.Add(courses);
        command.Options.Add(runs);
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(courses), times = Math.Max(1, parse.GetValue(runs));
            var inbox = Workspace.Inbox(n, 1, xlsx: false, app.Console);
            var cluster = await app.ConnectionStringAsync(cancellationToken);
            int rows = InboxRows(inbox);
            var ingests = new List<ChildProcess.Result>();
            var copies = new List<ChildProcess.Result>();
            var shares = new List<ChildProcess.Result>();
            for (int run = 1; run <= times; run++)
            {
                // Fresh databases for every run; a checkpoint before each timed load, so that no
                // load pays for writing out the pages of the one before.
                var ours = await Workspace.FreshDatabaseAsync(cluster, "bench_ingest", cancellationToken);
                var theirs = await Workspace.FreshDatabaseAsync(cluster, "bench_copy", cancellationToken);
                var floor = await Workspace.FreshDatabaseAsync(cluster, "bench_stored", cancellationToken);
                await Data.Storage.Schema.MigrateAsync(ours, cancellationToken);
                await Data.Storage.Schema.MigrateAsync(floor, cancellationToken);

                app.Console.MarkupLine($"Run {run} of {times}: [bold]evaluation ingest[/], psql \\copy of the stored rows in binary, psql \\copy of the text ...");
                await Workspace.CheckpointAsync(cluster, cancellationToken);
                var ingest = await ChildProcess.RunSelfAsync(["ingest", inbox], new() { ["EVALUATION_DB"] = ours }, cancellationToken);
                ingests.Add(ingest);
                if (ingest.ExitCode != 0)
                {
                    Report(app.Console, $"Ingest of {n:N0} courses ({inbox})", ("evaluation ingest", ingest));
                    return ingest.ExitCode;
                }

                shares.Add(await PsqlCopy.RunStoredRowsAsync(ours, floor, () => Workspace.CheckpointAsync(cluster, cancellationToken), cancellationToken));
                await Workspace.CheckpointAsync(cluster, cancellationToken);
                copies.Add(await PsqlCopy.RunAsync(theirs, inbox, cancellationToken));
            }

            var (ingestMedian, shareMedian, copyMedian) = (Median(ingests), Median(shares), Median(copies));
            Report(app.Console, $"Ingest of {n:N0} courses, {rows:N0} rows ({inbox}); the median of {times} run(s) each",
                ("evaluation ingest", ingestMedian),
                ("PostgreSQL's share: psql \\copy of the stored rows (binary, keyed tables, one at a time)", shareMedian),
                ("psql \\copy of the raw text into bare text tables", copyMedian));
            var pairs = string.Join(", ", ingests.Zip(shares, (i, s) => (i.Seconds / s.Seconds).ToString("0.00", CultureInfo.InvariantCulture)));
            app.Console.MarkupLineInterpolated($"Ingest / PostgreSQL's share = {ingestMedian.Seconds / shareMedian.Seconds:0.00} (the medians; run by run {pairs})");
            app.Console.MarkupLineInterpolated($"Ingest / \\copy of the text = {ingestMedian.Seconds / copyMedian.Seconds:0.00}; PostgreSQL's share / \\copy of the text = {shareMedian.Seconds / copyMedian.Seconds:0.00}");
            app.Console.MarkupLineInterpolated($"Rows per second: {rows / ingestMedian.Seconds:N0}; peak memory of ingest {ingests.Max(r => r.PeakMiB):0} MiB (the largest of the runs)");
            return ingests.Concat(shares).Concat(copies).Select(r => r.ExitCode).FirstOrDefault(code => code != 0);
        });
        return command;
    }

    /// <summary>The run with the median wall time (the upper middle one of an even count).</summary>
    private static ChildProcess.Result Median(IReadOnlyList<ChildProcess.Result> results) =>
        results.OrderBy(r => r.Seconds).ElementAt(results.Count / 2);

    private static Command Outcomes(App app)
    {
        var courses = Courses(20_000);
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples, for both", HelpName = "n", DefaultValueFactory = _ => 1000 };
        var municipalities = new Option<int>("--municipalities") { Description = "Municipalities (98 is Denmark's count)", HelpName = "n", DefaultValueFactory = _ => 4 };
        var model = new Option<string>("--model") { Description = "Propensity model: logistic or boosted", DefaultValueFactory = _ => "logistic" };
        var withoutR = new Option<bool>("--without-r") { Description = "Time only 'evaluation outcomes' (R's glm with ~100 indicator columns and 1,000 resamples takes very long)" };
        var command = new Command("outcomes", "Time 'evaluation outcomes' from raw files against R computing the same statistics from prepared tables");
        command.Options.Add(courses);
        command.Options.Add(resamples);
        command.Options.Add(municipalities);
        command.Options.Add(model);
        command.Options.Add(withoutR);
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(courses), b = parse.GetValue(resamples), m = parse.GetValue(municipalities);
            var inbox = Workspace.Inbox(n, 1, xlsx: true, app.Console, m);
            var asOf = "2026-10-31";
            var environment = new Dictionary<string, string?>
            {
                ["EVALUATION_Outcomes__BootstrapResamples"] = b.ToString(CultureInfo.InvariantCulture),
                ["EVALUATION_Outcomes__PropensityModel"] = parse.GetValue(model),
            };
            app.Console.MarkupLineInterpolated($"Running [bold]evaluation outcomes --data[/] ({m} municipalities, {parse.GetValue(model)} propensity model) ...");
            var ours = await ChildProcess.RunSelfAsync(["outcomes", "--data", inbox, "--as-of", asOf, "--json"], environment, cancellationToken);
            if (parse.GetValue(withoutR))
            {
                Report(app.Console, $"Outcomes for {n:N0} courses in {m} municipalities, {b} bootstrap resamples", ("evaluation outcomes (raw files)", ours));
                return ours.ExitCode;
            }

            // R gets the scores and survival times as tables (its input is prepared; ours is raw files).
            var tables = Path.Combine(Path.GetDirectoryName(inbox)!, $"r-tables-{n}");
            var data = await app.LoadDatasetAsync(new DirectoryInfo(inbox), cancellationToken);
            RTables.Write(tables, data, app.Instruments, DateOnly.Parse(asOf, CultureInfo.InvariantCulture));
            var script = Path.Combine(Repository.Root() ?? ".", "bench", "outcomes.R");
            app.Console.MarkupLine("Running [bold]Rscript bench/outcomes.R[/] ...");
            var r = await ChildProcess.RunAsync("Rscript", [script, tables, b.ToString(CultureInfo.InvariantCulture)], [], cancellationToken);

            Report(app.Console, $"Outcomes for {n:N0} courses, {b} bootstrap resamples", ("evaluation outcomes (raw files)", ours), ("R (prepared tables)", r));
            app.Console.MarkupLineInterpolated($"Ratio ours / R = {ours.Seconds / r.Seconds:0.00}; peak memory {ours.PeakMiB:0} MiB");
            return ours.ExitCode;
        });
        return command;
    }

    private static Command Fidelity(App app)
    {
        var courses = Courses(20_000);
        var intensity = new Option<double>("--contact-intensity") { Description = "Multiplies contact rates (3.3 gives about 1.3 million contacts for 20,000 courses)", HelpName = "factor", DefaultValueFactory = _ => 3.3 };
        var command = new Command("fidelity", "Time fidelity from raw files: reading the files vs computing fidelity");
        command.Options.Add(courses);
        command.Options.Add(intensity);
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(courses);
            var inbox = Workspace.Inbox(n, parse.GetValue(intensity), xlsx: true, app.Console);
            var clock = Stopwatch.StartNew();
            var (data, _) = new FolderReader(app.Pseudonymizer, app.Instruments, app.IngestSettings).Read(inbox);
            var read = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var report = new FidelityCalculator(app.Options.Fidelity).Calculate(data, new DateOnly(2026, 10, 31));
            var compute = clock.Elapsed.TotalSeconds;
            var whole = await ChildProcess.RunSelfAsync(["fidelity", "--data", inbox, "--as-of", "2026-10-31", "--json"], [], cancellationToken);
            app.Console.MarkupLineInterpolated($"Fidelity for {n:N0} courses ({report.Courses.Count:N0} CTI) and {data.Contacts.Count:N0} contacts:");
            app.Console.MarkupLineInterpolated($"  reading the files {read:0.00} s, computing fidelity {compute:0.00} s (ratio {compute / read:0.00})");
            app.Console.MarkupLineInterpolated($"  the whole command: {whole.Seconds:0.00} s, peak memory {whole.PeakMiB:0} MiB");
            return whole.ExitCode;
        });
        return command;
    }

    private static Command Reports(App app)
    {
        var courses = Courses(100_000);
        var municipalities = new Option<int>("--municipalities") { Description = "Municipalities", HelpName = "n", DefaultValueFactory = _ => 100 };
        var command = new Command("reports", "Time 'evaluation report' for every municipality's workbook from raw files");
        command.Options.Add(courses);
        command.Options.Add(municipalities);
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(courses), m = parse.GetValue(municipalities);
            var inbox = Workspace.Inbox(n, 1, xlsx: true, app.Console, m);
            var output = Path.Combine(Workspace.Root, $"reports-{n}-{m}");
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            app.Console.MarkupLine("Running [bold]evaluation report --data[/] ...");
            var run = await ChildProcess.RunSelfAsync(["report", "--data", inbox, "--as-of", "2026-10-31", "--out", output], [], cancellationToken);
            int workbooks = Directory.Exists(output) ? Directory.GetFiles(output, "*.xlsx").Length : 0;
            Report(app.Console, $"Reports for {n:N0} courses in {m} municipalities: {workbooks} workbooks", ("evaluation report (raw files)", run));
            return run.ExitCode;
        });
        return command;
    }

    private static int InboxRows(string inbox) =>
        Directory.GetFiles(inbox, "*.csv", SearchOption.AllDirectories).Sum(f => File.ReadLines(f, FileFingerprintEncoding(f)).Count() - 1);

    private static System.Text.Encoding FileFingerprintEncoding(string path) => Evaluation.Ingest.Reading.FileFingerprint.Of(path, "").Encoding;

    private static void Report(IAnsiConsole console, string title, params (string Name, ChildProcess.Result Result)[] runs)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("Run", "Wall time (s)", "Peak memory (MiB)", "Exit");
        foreach (var (name, result) in runs)
        {
            table.AddRow(Markup.Escape(name), result.Seconds.ToString("0.00", CultureInfo.InvariantCulture), result.PeakMiB.ToString("0", CultureInfo.InvariantCulture), result.ExitCode.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var (name, result) in runs.Where(r => r.Result.ExitCode != 0))
        {
            console.MarkupLineInterpolated($"[red]{name} failed:[/] {result.StdErr}");
        }
    }
}
