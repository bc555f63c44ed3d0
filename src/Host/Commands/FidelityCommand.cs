using System.CommandLine;
using Evaluation.Analytics.Fidelity;
using Spectre.Console;

namespace Evaluation.Host.Commands;

/// <summary><c>evaluation fidelity [--data dir] --as-of date [--json]</c>: CTI fidelity, caseload and the phase board (SPEC §4, §6).</summary>
public static class FidelityCommand
{
    public static Command Create(App app)
    {
        var data = CommonOptions.Data();
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var command = new Command("fidelity", "Fidelity of CTI courses against the method manual, caseload and the phase board");
        command.Options.Add(data);
        command.Options.Add(asOf);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataset = await app.LoadDatasetAsync(parse.GetValue(data), cancellationToken);
            var calculator = new FidelityCalculator(app.Options.Fidelity);
            var report = await app.Progress.StageAsync("Computing fidelity", _ => calculator.Calculate(dataset, parse.GetValue(asOf)));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(report);
                return 0;
            }

            var table = new Table().AddColumns("Municipality", "Fidelity", "Courses", "High", "Moderate", "Low");
            foreach (var m in report.Municipalities)
            {
                table.AddRow(Markup.Escape(m.Municipality), m.Fidelity is { } f ? f.ToString("0.0") : "-", m.Courses.ToString(), m.High.ToString(), m.Moderate.ToString(), m.Low.ToString());
            }

            app.Console.Write(table);
            app.Console.MarkupLineInterpolated($"Phase board: {report.PhaseBoard.Count} active CTI courses, {report.PhaseBoard.Count(p => p.Overdue)} overdue.");
            return 0;
        });
        return command;
    }
}
