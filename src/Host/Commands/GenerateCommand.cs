using Spectre.Console;
using System.CommandLine;
using Evaluation.SampleData;

namespace Evaluation.Host.Commands;

/// <summary><c>evaluation generate --courses N --seed S --out DIR</c>: writes a synthetic inbox (SPEC §9).</summary>
public static class GenerateCommand
{
    public static Command Create(App app)
    {
        var courses = new Option<int>("--courses") { Description = "How many courses", HelpName = "n", DefaultValueFactory = _ => 300 };
        courses.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"--courses {result.GetValueOrDefault<int>()}: expected a whole number, 1 or more");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files", HelpName = "n", DefaultValueFactory = _ => 1 };
        var output = CommonOptions.Out("Folder to write the inbox to (one sub-folder per municipality)");
        var command = new Command("generate", "Write realistic synthetic input files (every kind, one folder per municipality) to try the other commands on");
        command.Options.Add(courses);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.SetAction(async parse =>
        {
            var folder = parse.GetValue(output)!.FullName;
            int n = parse.GetValue(courses);
            var tables = await app.Progress.StageAsync($"Generating {n:N0} courses", _ => new SampleGenerator(parse.GetValue(seed), SampleGenerator.DefaultExtractionDate).Generate(n));
            var paths = await app.Progress.StageAsync($"Writing the files to {folder}", _ => InboxWriter.Write(folder, tables));
            app.Console.MarkupLineInterpolated($"Wrote {paths.Count} files for {n:N0} courses to [bold]{folder}[/]");
            return 0;
        });
        return command;
    }

    public static IReadOnlyList<string> Generate(string folder, int courses, int seed)
    {
        var tables = new SampleGenerator(seed, SampleGenerator.DefaultExtractionDate).Generate(courses);
        return InboxWriter.Write(folder, tables);
    }
}
