using System.Diagnostics;
using Evaluation.TestSupport;

namespace Evaluation.Export.Tests;

/// <summary>
/// The export read by a Parquet reader that shares no code with Parquet.Net: hyparquet under Node,
/// run by scripts/parquet-check/check.mjs, compares every cell with the CSV and every column's type
/// with the codebook. Without node, or without the script's packages installed
/// (<c>npm ci --prefix scripts/parquet-check</c>), the tests report Skipped with the reason.
/// </summary>
public sealed class IndependentReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static string Script => Path.Combine(RepositoryRoot(), "scripts", "parquet-check");

    [SkippableFact]
    public async Task Hyparquet_ReadsTheSameValuesAndTypes_AsTheCsvAndCodebookSay()
    {
        await RequireReaderAsync();
        var data = ResearchExportTests.Generate(folder.Combine("inbox"), 300);
        await ResearchExportTests.ExportAsync(data, folder.Combine("out"), 1);

        var (exit, output) = await RunCheckAsync(folder.Combine("out"));

        Assert.True(exit == 0, output);
        Assert.Contains("courses.parquet: ", output, StringComparison.Ordinal);
        Assert.Contains("Parquet and CSV agree cell by cell", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Hyparquet_Check_FindsACellThatDiffers()
    {
        // The check must be able to fail: one changed CSV cell is reported.
        await RequireReaderAsync();
        var data = ResearchExportTests.Generate(folder.Combine("inbox"), 300);
        await ResearchExportTests.ExportAsync(data, folder.Combine("out"), 1);
        var path = folder.Combine("out", "waves.csv");
        var lines = await File.ReadAllLinesAsync(path);
        int wave = Array.IndexOf(lines[0].Split(','), "wave");
        var cells = lines[1].Split(',');
        cells[wave] = cells[wave] == "m3" ? "m6" : "m3";
        lines[1] = string.Join(',', cells);
        await File.WriteAllLinesAsync(path, lines);

        var (exit, output) = await RunCheckAsync(folder.Combine("out"));

        Assert.Equal(1, exit);
        Assert.Contains("waves row 1 wave", output, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private static async Task RequireReaderAsync()
    {
        Skip.If(await RunAsync("node", ["--version"], Script) is null, "node is not installed: the independent Parquet reader check (scripts/parquet-check) did not run.");
        if (!File.Exists(Path.Combine(Script, "node_modules", "hyparquet", "package.json")))
        {
            // From npm's local cache only: nothing is downloaded while tests run.
            await RunAsync("npm", ["ci", "--offline", "--no-audit", "--no-fund"], Script);
        }

        Skip.IfNot(File.Exists(Path.Combine(Script, "node_modules", "hyparquet", "package.json")),
            "scripts/parquet-check has no node_modules and npm's cache cannot fill it: run `npm ci --prefix scripts/parquet-check`; the independent Parquet reader check did not run.");
    }

    private static async Task<(int Exit, string Output)> RunCheckAsync(string exportFolder)
    {
        var result = await RunAsync("node", ["check.mjs", exportFolder], Script);
        return result ?? throw new InvalidOperationException("node did not start");
    }

    private static async Task<(int Exit, string Output)?> RunAsync(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Evaluation.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Evaluation.sln not found above " + AppContext.BaseDirectory);
    }
}
