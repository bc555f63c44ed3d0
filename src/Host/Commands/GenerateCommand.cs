using Spectre.Console;
using System.CommandLine;
using Evaluation.SampleData;

namespace Evaluation.Host.Commands;

/// <summary><c>evaluation generate --courses N --seed S --out DIR</c>: writes a synthetic inbox (SPEC §9).</summary>
public static class GenerateCommand
{
    public static Command Create(App app)
    {
        var courses = new Option<int>("--courses") { Description = "How many courses", DefaultValueFactory = _ => 300 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files", DefaultValueFactory = _ => 1 };
        var output = CommonOptions.Out("Folder to write the inbox to (one sub-folder per municipality)");
        var command = new Command("generate", "Write realistic synthetic input files in the SPEC §2 formats");
        command.Options.Add(courses);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!.FullName;
            var paths = Generate(folder, parse.GetValue(courses), parse.GetValue(seed));
            app.Console.MarkupLineInterpolated($"Wrote {paths.Count} files for {parse.GetValue(courses)} courses to [bold]{folder}[/]");
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
