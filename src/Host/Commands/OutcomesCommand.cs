using System.CommandLine;
using Evaluation.Analytics.Outcomes;
using Spectre.Console;

namespace Evaluation.Host.Commands;

/// <summary><c>evaluation outcomes [--data dir] --as-of date [--json]</c>: the change-theory outcome statistics (SPEC §5, §6).</summary>
public static class OutcomesCommand
{
    public static Command Create(App app)
    {
        var data = CommonOptions.Data();
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var command = new Command("outcomes", "Outcome statistics: change, loneliness, trajectories, IPW comparison, housing retention, repeat shelter stays");
        command.Options.Add(data);
        command.Options.Add(asOf);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataset = await app.LoadDatasetAsync(parse.GetValue(data), cancellationToken);
            var calculator = new OutcomesCalculator(app.Instruments, app.Options.Outcomes);
            var report = await app.Progress.StageAsync($"Computing outcomes ({app.Options.Outcomes.BootstrapResamples} bootstrap resamples)", _ => calculator.Calculate(dataset, parse.GetValue(asOf)));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(report);
                return 0;
            }

            var table = new Table().AddColumns("Instrument", "Group", "n", "Mean change", "95% CI", "p");
            foreach (var row in report.Change.Where(r => r.Municipality == OutcomesCalculator.All && r.To == "end"))
            {
                table.AddRow(row.Instrument, row.Group, row.N.ToString(), Format(row.MeanChange), row.CiLow is null ? "-" : $"{Format(row.CiLow)} to {Format(row.CiHigh)}", Format(row.PValue, "0.000"));
            }

            app.Console.Write(table);
            return 0;
        });
        return command;
    }

    private static string Format(double? value, string format = "0.00") => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "-";
}
