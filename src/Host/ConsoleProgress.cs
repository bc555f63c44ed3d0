using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Evaluation.Host;

/// <summary>
/// What a long command is doing, on stderr (stdout carries only the requested output, SPEC §6): a live
/// status line with a spinner when stderr is a terminal, plain timestamped lines otherwise (a log
/// file, CI, a test reading the output). A command runs its work as named stages; a stage's
/// <see cref="IProgress{T}"/> shows what it is at (a file, a municipality's workbook).
/// </summary>
public sealed class ConsoleProgress
{
    private readonly IAnsiConsole console;
    private readonly TimeProvider clock;
    private int liveInUse;

    /// <param name="console">The console for people (stderr).</param>
    /// <param name="live">A live display (a terminal); otherwise one timestamped line per event.</param>
    /// <param name="clock">The clock of the timestamps.</param>
    public ConsoleProgress(IAnsiConsole console, bool live, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(clock);
        this.console = console;
        Live = live;
        this.clock = clock;
    }

    /// <summary>
    /// Whether stages show a live display; off for <c>serve</c>, whose jobs run side by side and
    /// write a log.
    /// </summary>
    public bool Live { get; set; }

    /// <summary>Runs a stage of asynchronous work, showing its name while it runs and how long it took.</summary>
    public async Task<T> StageAsync<T>(string name, Func<IProgress<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        // Spectre shows one live display at a time: a stage inside a stage, or beside one, writes lines.
        if (!Live || Interlocked.CompareExchange(ref liveInUse, 1, 0) != 0)
        {
            return await Timed(name, () => work(Reporter(name)));
        }

        try
        {
            T result = default!;
            var clockwatch = Stopwatch.StartNew();
            await console.Status().StartAsync(Markup.Escape(name) + " ...", async context =>
                result = await work(new Messages(this, name, context)));
            console.MarkupLineInterpolated($"[green]✓[/] {name} [grey]({Seconds(clockwatch.Elapsed)})[/]");
            return result;
        }
        finally
        {
            Volatile.Write(ref liveInUse, 0);
        }
    }

    /// <summary>Runs a stage of asynchronous work that returns nothing.</summary>
    public Task StageAsync(string name, Func<IProgress<string>, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return StageAsync<bool>(name, async progress =>
        {
            await work(progress);
            return true;
        });
    }

    /// <summary>
    /// Runs a stage of computing (CPU-bound, synchronous work) off the calling thread, so the live
    /// display keeps moving.
    /// </summary>
    public Task<T> StageAsync<T>(string name, Func<IProgress<string>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return StageAsync(name, progress => Task.Run(() => work(progress)));
    }

    /// <summary>
    /// An <see cref="IProgress{T}"/> for a step that reports its own sub-steps (e.g. one message per
    /// workbook), each message a timestamped line. Inside a stage use the stage's own
    /// <see cref="IProgress{T}"/>, which updates the live line on a terminal.
    /// </summary>
    public IProgress<string> Reporter(string stage) => new Messages(this, stage, null);

    private async Task<T> Timed<T>(string name, Func<Task<T>> work)
    {
        var clockwatch = Stopwatch.StartNew();
        Line($"{name} ...");
        var result = await work();
        Line($"{name}: done in {Seconds(clockwatch.Elapsed)}");
        return result;
    }

    private void Line(string text) =>
        console.MarkupLineInterpolated($"[grey]{clock.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}[/] {text}");

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>Reports synchronously (not through <see cref="Progress{T}"/>, which posts to the thread pool), so lines keep their order.</summary>
    private sealed class Messages(ConsoleProgress owner, string stage, StatusContext? live) : IProgress<string>
    {
        public void Report(string value)
        {
            if (live is not null)
            {
                live.Status(Markup.Escape($"{stage}: {value}"));
            }
            else
            {
                owner.Line($"{stage}: {value}");
            }
        }
    }
}
