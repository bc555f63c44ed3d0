using Spectre.Console;

namespace Evaluation.Host.Tests;

/// <summary>Stages as plain timestamped lines when stderr is not a terminal, in the order they happen.</summary>
public sealed class ConsoleProgressTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static (ConsoleProgress Progress, StringWriter Text) Plain()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        console.Profile.Width = 200;
        return (new ConsoleProgress(console, live: false, new FixedClock(new DateTimeOffset(2026, 10, 31, 14, 5, 9, TimeSpan.Zero))), text);
    }

    private static string[] Lines(StringWriter text) => text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task StageAsync_WritesStartMessagesAndDone_AsTimestampedLinesInOrder()
    {
        var (progress, text) = Plain();

        var result = await progress.StageAsync("Writing workbooks", p =>
        {
            p.Report("Aarhus");
            p.Report("Odense");
            return 42;
        });

        Assert.Equal(42, result);
        var lines = Lines(text);
        Assert.Equal("14:05:09 Writing workbooks ...", lines[0]);
        Assert.Equal("14:05:09 Writing workbooks: Aarhus", lines[1]);
        Assert.Equal("14:05:09 Writing workbooks: Odense", lines[2]);
        Assert.Matches(@"^14:05:09 Writing workbooks: done in \d+\.\d s$", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task StageAsync_PassesTheFailureOn_WithoutADoneLine()
    {
        var (progress, text) = Plain();

        await Assert.ThrowsAsync<IOException>(() => progress.StageAsync("Reading data", _ => Task.FromException<int>(new IOException("disk"))));

        Assert.Equal(["14:05:09 Reading data ..."], Lines(text));
    }

    [Fact]
    public void Reporter_WritesEachMessage_OutsideAStage()
    {
        var (progress, text) = Plain();

        progress.Reporter("Workbooks").Report("All municipalities");

        Assert.Equal(["14:05:09 Workbooks: All municipalities"], Lines(text));
    }
}
