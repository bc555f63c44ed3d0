using System.Globalization;
using System.Text.RegularExpressions;
using Evaluation.Host.Platform;
using Evaluation.TestSupport;
using Microsoft.Playwright;

namespace Evaluation.Host.Tests.Platform;

/// <summary>One server, the sample data and two bad files dropped into its inbox, waited on until the reports are out.</summary>
public sealed class ServedSample : IAsyncLifetime
{
    private readonly PostgresFixture postgres = new();

    public TempFolder Home { get; } = new();

    public string Database { get; private set; } = "";

    public string Inbox => Home.Combine("inbox");

    public string Results => Home.Combine("reports", DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public int Dropped { get; private set; }

    public ServeProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await postgres.NewDatabaseAsync();
        Server = await ServeProcess.StartAsync(Home.Path, Database, Inbox);
        Dropped = SampleInbox.Drop(SampleInbox.SampleData, Inbox);
        Home.Write("inbox/Aalborg/notes.csv", "a,b\n1,2\n");
        Home.Write("inbox/Randers/courses_extra.csv", "course_id;municipality\nR-9001;Randers\n");
        Home.Write("inbox/Odense/answers_damaged.xlsx", "not a workbook");
        await Wait.UntilAsync(
            () => Task.FromResult(Directory.Exists(Results) && Directory.GetFiles(Results, "*.xlsx").Length == 10 && SampleInbox.Waiting(Inbox) == 0),
            TimeSpan.FromMinutes(3), () => Server.Log);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await postgres.DisposeAsync();
        Home.Dispose();
    }
}

/// <summary>SPEC §9 <c>serve</c>: a dropped file is ingested, moved out of the inbox, and followed by fresh results.</summary>
public sealed class ServeTests(ServedSample served) : IClassFixture<ServedSample>
{
    [Fact]
    public void Loaded_files_go_to_the_archive_and_unusable_files_to_quarantine_with_their_report()
    {
        var archived = Directory.GetFiles(Path.Combine(served.Inbox, "archive"), "*", SearchOption.AllDirectories);
        Assert.Equal(served.Dropped, archived.Count(f => !f.EndsWith(".report.json", StringComparison.Ordinal)));

        // Files with some bad rows are archived with their report beside them.
        Assert.Contains(archived, f => f.EndsWith(Path.Combine("Aalborg", "contacts.csv.report.json"), StringComparison.Ordinal));

        var quarantined = Directory.GetFiles(Path.Combine(served.Inbox, "quarantine"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["answers_damaged.xlsx", "answers_damaged.xlsx.report.json", "courses_extra.csv", "courses_extra.csv.report.json", "notes.csv", "notes.csv.report.json"], quarantined);
        var report = File.ReadAllText(Directory.GetFiles(Path.Combine(served.Inbox, "quarantine"), "courses_extra.csv.report.json", SearchOption.AllDirectories).Single());
        Assert.Contains("the file has no", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_data_are_followed_by_outcomes_fidelity_and_workbooks_once()
    {
        Assert.True(File.Exists(Path.Combine(served.Results, "outcomes.json")));
        Assert.True(File.Exists(Path.Combine(served.Results, "fidelity.json")));

        // More scans without new files ask for nothing more.
        var scans = (await Jobs.OfMethodAsync(served.Database, Jobs.IngestInbox)).Count;
        await Wait.UntilAsync(async () => (await Jobs.OfMethodAsync(served.Database, Jobs.IngestInbox)).Count >= scans + 2, TimeSpan.FromSeconds(30), () => served.Server.Log);
        var renders = await Jobs.OfMethodAsync(served.Database, Jobs.RenderReports);
        Assert.Equal("Succeeded", Assert.Single(renders).State);
        Assert.Equal(1L, await Wait.ScalarAsync<long>(served.Database, "SELECT count(*) FROM result_runs WHERE workbooks"));
    }

    [Fact]
    public async Task No_CPR_number_reaches_the_log_the_error_reports_or_the_job_storage()
    {
        var cprs = Directory.GetFiles(SampleInbox.SampleData, "*.csv", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f, System.Text.Encoding.Latin1), @"\b(\d{6})-?(\d{4})\b").Select(m => m.Groups[1].Value + m.Groups[2].Value))
            .ToHashSet();
        Assert.True(cprs.Count > 250);
        var storage = await Wait.ScalarAsync<string>(served.Database,
            "SELECT (SELECT string_agg(data::text, ' ') FROM hangfire.state) || (SELECT string_agg(arguments::text || invocationdata::text, ' ') FROM hangfire.job)");
        var reports = string.Join(' ', Directory.GetFiles(served.Inbox, "*.report.json", SearchOption.AllDirectories).Select(File.ReadAllText));

        foreach (var text in new[] { served.Server.Log, storage, reports })
        {
            var digits = Regex.Replace(text, @"(\d{6})-(\d{4})", "$1$2");
            Assert.DoesNotContain(cprs, cpr => digits.Contains(cpr, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_browser_sees_the_recurring_jobs_and_a_succeeded_ingest_on_the_dashboard()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,

            // The machine has no internet: keep Chromium from reaching for Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });

        await page.GotoAsync(served.Server.DashboardUrl + "/recurring");
        var recurring = await page.Locator("table").InnerTextAsync();
        Assert.Contains(PlatformHost.InboxJob, recurring, StringComparison.Ordinal);
        Assert.Contains(PlatformHost.RecomputeJob, recurring, StringComparison.Ordinal);
        Assert.Contains(PlatformHost.ReportsJob, recurring, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-recurring.png"), FullPage = true });

        var ingest = (await Jobs.OfMethodAsync(served.Database, Jobs.IngestInbox)).First(j => j.State == "Succeeded");
        await page.GotoAsync($"{served.Server.DashboardUrl}/jobs/details/{ingest.Id}");
        var details = await page.Locator("body").InnerTextAsync();
        Assert.Contains("Ingest new files in the inbox", details, StringComparison.Ordinal);
        Assert.Contains("Succeeded", details, StringComparison.Ordinal);

        await page.GotoAsync(served.Server.DashboardUrl + "/jobs/succeeded");
        Assert.Contains("Ingest new files in the inbox", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-succeeded.png"), FullPage = true });
    }
}
