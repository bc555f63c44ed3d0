using System.Diagnostics;
using System.Globalization;

namespace Evaluation.Host.Benchmarks;

/// <summary>Runs a program and measures its wall time and peak resident memory (VmHWM, polled from /proc).</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, double Seconds, double PeakMiB, string StdErr);

    /// <summary>Runs this CLI itself in a child process, as a user would.</summary>
    public static Task<Result> RunSelfAsync(IReadOnlyList<string> arguments, Dictionary<string, string?> environment, CancellationToken cancellationToken) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "evaluation.dll"), .. arguments], environment, cancellationToken);

    public static async Task<Result> RunAsync(string program, IReadOnlyList<string> arguments, Dictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        long peakKb = 0;
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, PeakKb(process.Id));
            await Task.Delay(20, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        await stdout;
        return new Result(process.ExitCode, seconds, peakKb / 1024.0, await stderr);
    }

    private static long PeakKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // the process has just exited
        }
    }
}
