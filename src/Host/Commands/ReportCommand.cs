using System.CommandLine;
using Spectre.Console;

namespace Evaluation.Host.Commands;

/// <summary>
/// <c>evaluation report [--data dir] --as-of date --out dir [--lang da|en] [--municipality name]</c>:
/// the report and the management workbook per municipality and across municipalities, with charts as PNG beside them (SPEC §7).
/// </summary>
public static class ReportCommand
{
    public static Command Create(App app)
    {
        var data = CommonOptions.Data();
        var asOf = CommonOptions.AsOf();
        var output = CommonOptions.Out("Folder for the workbooks and charts");
        var language = new Option<string>("--lang") { Description = "Language of the reports: da or en", DefaultValueFactory = _ => app.Options.Reports.Language };
        language.AcceptOnlyFromAmong("da", "en");
        var municipality = new Option<string?>("--municipality") { Description = "Only this municipality's workbook" };
        var command = new Command("report", "Excel workbooks with charts: per municipality and across municipalities");
        command.Options.Add(data);
        command.Options.Add(asOf);
        command.Options.Add(output);
        command.Options.Add(language);
        command.Options.Add(municipality);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (dataset, quality) = await app.LoadWithQualityAsync(parse.GetValue(data), cancellationToken);
            var only = parse.GetValue(municipality);
            if (only is not null && !dataset.Courses.Any(c => c.Municipality == only))
            {
                var known = dataset.Courses.Select(c => c.Municipality).Distinct().Order(StringComparer.Ordinal).ToList();
                await Console.Error.WriteLineAsync($"error: --municipality {only}: no course belongs to it; the data has {(known.Count == 0 ? "no courses" : string.Join(", ", known))}.");
                return ExitCodes.Usage;
            }

            if (dataset.Courses.Count == 0)
            {
                await Console.Error.WriteLineAsync("No courses in the data: there is nothing to report, so no workbook was written.");
                return ExitCodes.Done;
            }

            var written = ReportRun.Write(app, dataset, quality, parse.GetValue(asOf), parse.GetValue(output)!.FullName, parse.GetValue(language)!, only,
                new StderrProgress());
            foreach (var path in written)
            {
                app.Console.MarkupLineInterpolated($"Wrote [bold]{path}[/]");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>One line on stderr per workbook written, synchronously (Progress&lt;T&gt; would post to the thread pool and lose order).</summary>
    private sealed class StderrProgress : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine(value.EndsWith(".xlsx", StringComparison.Ordinal) ? $"wrote {value}" : value);
    }
}
