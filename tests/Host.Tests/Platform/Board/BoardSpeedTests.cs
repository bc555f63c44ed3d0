using System.Diagnostics;
using System.Text.Json;
using Evaluation.Analytics.Fidelity;
using Evaluation.Host.Platform.Board;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Evaluation.Host.Tests.Platform.Board;

/// <summary>
/// The pages answer from the parsed results: at 20,000 courses each page is rendered well within
/// 200 ms (the budget per request), and parsing the published JSON happens once per publish.
/// </summary>
public sealed class BoardSpeedTests(ITestOutputHelper output)
{
    private const int Courses = 20_000;

    /// <summary>A fidelity document of 20,000 CTI courses in 5 municipalities, 40 workers each, a third active.</summary>
    private static FidelityReport Synthetic()
    {
        var random = new Random(19);
        string[] municipalities = ["Aalborg", "Aarhus", "København", "Odense", "Randers"];
        string[] phases = ["contact", "phase1", "phase2", "phase3"];
        var courses = new List<CourseFidelity>(Courses);
        var board = new List<PhaseBoardEntry>();
        for (int i = 0; i < Courses; i++)
        {
            var municipality = municipalities[i % municipalities.Length];
            var worker = $"{municipality[..3].ToUpperInvariant()}-W{i % 40:00}";
            double fidelity = random.NextDouble() * 100;
            courses.Add(new CourseFidelity($"C-{i:00000}", municipality, worker, fidelity, fidelity >= 80 ? "high" : fidelity >= 60 ? "moderate" : "low",
                new FidelityComponents(0.5, 1, 0.5, 1, 0.7, null, 0.75), random.Next(3) == 0 ? ["c2", "p2_4", "p2_7"] : []));
            if (i % 3 == 0)
            {
                int days = random.Next(1, 200);
                var phase = phases[random.Next(phases.Length)];
                board.Add(new PhaseBoardEntry($"C-{i:00000}", worker, phase, days, phase == "contact" ? days > 70 : days > 120));
            }
        }

        var workers = courses.GroupBy(c => (c.WorkerId!, c.Municipality))
            .Select(g => new WorkerFidelity(g.Key.Item1, g.Key.Municipality, g.Average(c => c.Fidelity), g.Count(), 0.8, 12.5)).ToList();
        var rollup = municipalities.Select(m => new MunicipalityFidelity(m, 60, Courses / 5, 1000, 2000, 1000)).ToList();
        return new FidelityReport("2026-11-25", courses, workers, rollup, board);
    }

    [Fact]
    public void EveryPage_RendersWithin200Milliseconds_At20000Courses()
    {
        var json = JsonSerializer.Serialize(Synthetic(), JsonOutput.Options);
        var run = new ResultRun(1, 1, new DateOnly(2026, 11, 25), true, DateTimeOffset.UnixEpoch, "/nowhere");

        var parse = Stopwatch.StartNew();
        var report = JsonSerializer.Deserialize<FidelityReport>(json, JsonOutput.Options)!;
        var exits = BoardResults.InContactPeriod(report).ToDictionary(id => id, _ => new DateOnly(2026, 9, 1));
        var results = new BoardResults(run, report, exits);
        parse.Stop();
        output.WriteLine($"fidelity.json of {json.Length / 1024 / 1024.0:F1} MiB parsed and arranged once per publish in {parse.ElapsedMilliseconds} ms");
        Assert.Equal(Courses, results.Fidelity.Courses.Count);

        var pages = new (string Name, string Query, Func<BoardPage, string> Render)[]
        {
            ("/", "", p => OverviewPage.Render(p, run, results, run)),
            ("/phases", "", p => PhaseBoardPage.Render(p, run, results)),
            ("/phases", "?lang=en&municipality=Odense&overdue=1", p => PhaseBoardPage.Render(p, run, results)),
            ("/fidelity", "", p => FidelityPage.Render(p, run, results)),
            ("/fidelity", "?worker=ODE-W07&page=2", p => FidelityPage.Render(p, run, results)),
        };
        foreach (var (name, query, render) in pages)
        {
            render(Page(name, query)); // the first call of a page JIT-compiles its code
            var watch = Stopwatch.StartNew();
            const int Repeats = 5;
            int bytes = 0;
            for (int i = 0; i < Repeats; i++)
            {
                bytes = render(Page(name, query)).Length;
            }

            double each = watch.Elapsed.TotalMilliseconds / Repeats;
            output.WriteLine($"{name}{query}: {each:F1} ms per render, {bytes / 1024} KiB");
            Assert.True(each < 200, $"{name}{query} took {each:F1} ms");
        }
    }

    private static BoardPage Page(string path, string query)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        return new BoardPage(http, true);
    }
}
