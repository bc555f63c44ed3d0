using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Evaluation.Host.Tests.Platform.Board;

/// <summary>
/// The manager pages of <c>serve</c> in Debian's Chromium, reached at this machine's network address
/// (off loopback) with credentials. Screenshots of every page in both languages go to
/// <c>screenshots/</c> in the test output folder.
/// </summary>
public sealed class BoardBrowserTests(ServedBoard served) : IClassFixture<ServedBoard>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static string Expected(int daysFromToday) => ServedBoard.Today.AddDays(daysFromToday).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("da", "/", "Overblik", "Aktive CTI-forløb")]
    [InlineData("en", "/", "Overview", "Active CTI courses")]
    [InlineData("da", "/phases", "Fasetavle", "Forventet overgang")]
    [InlineData("en", "/phases", "Phase board", "Transition expected")]
    [InlineData("da", "/fidelity", "Metodetroskab", "Højeste antal forløb pr. årsværk")]
    [InlineData("en", "/fidelity", "Fidelity", "Highest caseload per FTE")]
    [InlineData("da", "/quality", "Datakvalitet", "Heraf rettede")]
    [InlineData("en", "/quality", "Data quality", "Of which updated")]
    [InlineData("da", "/reports", "Rapporter", "Hent")]
    [InlineData("en", "/reports", "Reports", "Download")]
    public async Task Page_renders_in_both_languages_with_the_published_results(string language, string path, string heading, string text)
    {
        await using var browser = await Browser.StartAsync();

        var response = await browser.Page.GotoAsync($"{served.NetworkUrl}{path}?lang={language}");

        Assert.Equal(200, response!.Status);
        Assert.Equal(heading, await browser.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(language, await browser.Page.Locator("html").GetAttributeAsync("lang"));
        var body = await browser.Page.Locator("body").InnerTextAsync();
        Assert.Contains(text, body, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}-\d{2}-\d{4}", body);
        await browser.ScreenshotAsync($"{(path == "/" ? "overview" : path.Trim('/'))}-{language}");
    }

    [Fact]
    public async Task Phase_board_lists_the_overdue_course_first_and_highlighted_with_its_expected_transition()
    {
        await using var browser = await Browser.StartAsync();

        await browser.Page.GotoAsync($"{served.NetworkUrl}/phases?lang=da&municipality=Silkeborg");

        var rows = browser.Page.Locator("#phase-board tbody tr");
        Assert.Equal(["SIL-001", "SIL-003", "SIL-005", "SIL-002", "SIL-004"], await CoursesAsync(rows));
        Assert.Equal("overdue", await rows.Nth(0).GetAttributeAsync("class"));
        Assert.Equal("overdue", await rows.Nth(1).GetAttributeAsync("class"));
        Assert.Null(await rows.Nth(2).GetAttributeAsync("class"));
        var first = await rows.Nth(0).Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(["SIL-001", "Silkeborg", "SIL-W1", "Fase 1", "150", Expected(-150), Expected(-60), "Forsinket"], first);

        // The contact period's transition is due 60 days after the shelter exit; without an exit date there is none.
        Assert.Equal(Expected(-10), (await rows.Nth(1).Locator("td").AllInnerTextsAsync())[5]);
        Assert.Equal("ingen udflytningsdato", (await rows.Nth(4).Locator("td").AllInnerTextsAsync())[5]);
        Assert.Equal(Expected(60), (await rows.Nth(2).Locator("td").AllInnerTextsAsync())[5]);
        Assert.Equal(Expected(70), (await rows.Nth(3).Locator("td").AllInnerTextsAsync())[5]);

        // Highlighted in colour, not only by class.
        var background = await rows.Nth(0).Locator("td").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(251, 227, 228)", background);
        await browser.ScreenshotAsync("phases-silkeborg-da");
        await browser.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await browser.ScreenshotAsync("phases-silkeborg-print");
        Assert.False(await browser.Page.Locator("form.filters").IsVisibleAsync());
    }

    [Fact]
    public async Task Phase_board_puts_every_overdue_course_before_the_others()
    {
        await using var browser = await Browser.StartAsync();

        await browser.Page.GotoAsync($"{served.NetworkUrl}/phases");

        var classes = await browser.Page.Locator("#phase-board tbody tr").EvaluateAllAsync<string?[]>("rows => rows.map(r => r.getAttribute('class'))");
        Assert.True(classes.Length > 5);
        int firstOnTime = Array.IndexOf(classes, null);
        Assert.True(firstOnTime > 0, "no overdue course on the board");
        Assert.All(classes[firstOnTime..], c => Assert.Null(c));
        Assert.All(classes[..firstOnTime], c => Assert.Equal("overdue", c));
    }

    [Fact]
    public async Task Filters_narrow_the_board_to_a_municipality_and_a_worker_without_JavaScript()
    {
        await using var browser = await Browser.StartAsync(javaScript: false);
        await browser.Page.GotoAsync($"{served.NetworkUrl}/phases?lang=en");
        int all = await browser.Page.Locator("#phase-board tbody tr").CountAsync();

        await browser.Page.SelectOptionAsync("#municipality", "Silkeborg");
        await browser.Page.ClickAsync("form.filters button");
        Assert.Equal(5, await browser.Page.Locator("#phase-board tbody tr").CountAsync());
        Assert.True(all > 5);

        await browser.Page.SelectOptionAsync("#worker", "SIL-W2");
        await browser.Page.ClickAsync("form.filters button");
        Assert.Equal(["SIL-003", "SIL-005", "SIL-004"], await CoursesAsync(browser.Page.Locator("#phase-board tbody tr")));
        Assert.Contains("lang=en", browser.Page.Url, StringComparison.Ordinal);
        Assert.Equal("Phase board", await browser.Page.Locator("h1").InnerTextAsync());

        await browser.Page.CheckAsync("#overdue");
        await browser.Page.ClickAsync("form.filters button");
        Assert.Equal(["SIL-003"], await CoursesAsync(browser.Page.Locator("#phase-board tbody tr")));
        await browser.ScreenshotAsync("phases-filtered-en");
    }

    [Fact]
    public async Task Fidelity_lists_a_course_s_missing_checklist_items_by_their_text_in_either_language()
    {
        await using var browser = await Browser.StartAsync();

        await browser.Page.GotoAsync($"{served.NetworkUrl}/fidelity?lang=da&worker=SIL-W1");
        var row = browser.Page.Locator("#courses tr[data-course='SIL-002']");
        Assert.Contains("p2_4: Arbejdet med at styrke borgerens støttenetværk er påbegyndt", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("p2_8", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["SIL-W1"], await browser.Page.Locator("#workers tbody th").AllInnerTextsAsync());

        // The language sticks through the cookie once chosen.
        await browser.Page.GotoAsync($"{served.NetworkUrl}/fidelity?lang=en");
        await browser.Page.GotoAsync($"{served.NetworkUrl}/fidelity?worker=SIL-W1");
        Assert.Contains("p2_4: Network strengthening begun", await browser.Page.Locator("#courses tr[data-course='SIL-002']").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("fidelity-worker-en");
    }

    [Fact]
    public async Task Quality_shows_the_latest_deliveries_and_quarantined_rows_with_masked_values()
    {
        await using var browser = await Browser.StartAsync();

        await browser.Page.GotoAsync($"{served.NetworkUrl}/quality");
        var deliveries = await browser.Page.Locator("#deliveries").InnerTextAsync();
        Assert.Contains("Silkeborg/contacts.csv", deliveries, StringComparison.Ordinal);
        var quarantine = await browser.Page.Locator("#quarantine").InnerTextAsync();
        Assert.Contains("31-02-2026", quarantine, StringComparison.Ordinal);
        Assert.Contains("06********", quarantine, StringComparison.Ordinal);
        Assert.DoesNotContain("060690", quarantine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_page_shows_a_CPR_number_or_a_birth_date()
    {
        var cprs = Directory.GetFiles(SampleInbox.SampleData, "*.csv", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f, Encoding.Latin1), @"\b(\d{6})-?(\d{4})\b").Select(m => m.Groups[1].Value))
            .Concat(["010190", "020285", "030378", "040492", "050588", "060690"])
            .ToHashSet();
        await using var browser = await Browser.StartAsync();
        foreach (var path in new[] { "/", "/phases", "/fidelity", "/quality", "/reports" })
        {
            await browser.Page.GotoAsync($"{served.NetworkUrl}{path}");
            var digits = (await browser.Page.ContentAsync()).Replace("-", "", StringComparison.Ordinal);
            Assert.DoesNotContain(cprs, birth => digits.Contains(birth, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Reports_offer_every_workbook_and_the_management_workbook_to_a_signed_in_user()
    {
        await using var browser = await Browser.StartAsync();

        await browser.Page.GotoAsync($"{served.NetworkUrl}/reports");
        var names = await browser.Page.Locator("#workbooks tbody th").AllInnerTextsAsync();
        Assert.Equal(13, names.Count); // report and management workbook for five municipalities and all of them, and the named copy
        Assert.Contains(names, n => n.StartsWith(ServedBoard.ManagementWorkbook, StringComparison.Ordinal));

        var download = await browser.Page.RunAndWaitForDownloadAsync(() => browser.Page.ClickAsync($"a[download='{ServedBoard.ManagementWorkbook}']"));
        Assert.Equal(ServedBoard.ManagementWorkbook, download.SuggestedFilename);
        Assert.Equal(new FileInfo(Path.Combine(served.Results, ServedBoard.ManagementWorkbook)).Length, new FileInfo(await download.PathAsync()).Length);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/phases")]
    [InlineData("/fidelity")]
    [InlineData("/quality")]
    [InlineData("/reports")]
    [InlineData("/reports/" + ServedBoard.ManagementWorkbook)]
    public async Task A_request_without_credentials_is_refused_off_loopback(string path)
    {
        using var http = new HttpClient();

        var anonymous = await http.GetAsync(served.NetworkUrl + path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SIL-", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrong = new HttpRequestMessage(HttpMethod.Get, served.NetworkUrl + path);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServedBoard.User}:wrong")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);

        var signedIn = new HttpRequestMessage(HttpMethod.Get, served.NetworkUrl + path);
        signedIn.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServedBoard.User}:{ServedBoard.Password}")));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(signedIn)).StatusCode);
    }

    [Fact]
    public async Task Hangfire_dashboard_writes_dates_the_Danish_way()
    {
        // As the server writes it (the dashboard's script then turns some dates into "x minutes ago").
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"{served.NetworkUrl}/hangfire/recurring");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServedBoard.User}:{ServedBoard.Password}")));
        var html = await (await http.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Matches(@"data-moment=""\d+"">\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}<", html);
        await using var browser = await Browser.StartAsync();
        await browser.Page.GotoAsync($"{served.NetworkUrl}/hangfire/recurring");
        await browser.ScreenshotAsync("hangfire-recurring");
    }

    private static async Task<IReadOnlyList<string>> CoursesAsync(ILocator rows) =>
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-course'))")).ToList();

    /// <summary>Debian's Chromium with the manager's credentials.</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private IPlaywright playwright = null!;
        private IBrowser chromium = null!;

        public IPage Page { get; private set; } = null!;

        public static async Task<Browser> StartAsync(bool javaScript = true)
        {
            var browser = new Browser { playwright = await Playwright.CreateAsync() };
            browser.chromium = await browser.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,

                // The machine has no internet: keep Chromium from reaching for Google's services.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var context = await browser.chromium.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                HttpCredentials = new HttpCredentials { Username = ServedBoard.User, Password = ServedBoard.Password },
                JavaScriptEnabled = javaScript,
                AcceptDownloads = true,
            });
            browser.Page = await context.NewPageAsync();
            return browser;
        }

        public async Task ScreenshotAsync(string name)
        {
            Directory.CreateDirectory(Screenshots);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        }

        public async ValueTask DisposeAsync()
        {
            await chromium.DisposeAsync();
            playwright.Dispose();
        }
    }
}
