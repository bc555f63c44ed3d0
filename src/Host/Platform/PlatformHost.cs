using System.Globalization;
using Evaluation.Host.Platform.Board;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Evaluation.Host.Platform;

/// <summary>
/// <c>evaluation serve</c> (SPEC §9): an ASP.NET Core host with a Hangfire server and its dashboard
/// at <c>/hangfire</c>, the manager pages (<see cref="BoardEndpoints"/>), job storage in the same PostgreSQL database as the data (schema <c>hangfire</c>).
/// Several such processes may share the database: Hangfire hands each job to one worker, recurring
/// jobs fire once, and a job of a server that died becomes visible again after the invisibility timeout.
/// </summary>
public static class PlatformHost
{
    public const string InboxJob = "inbox";
    public const string RecomputeJob = "recompute";
    public const string ReportsJob = "reports";

    public static async Task<WebApplication> BuildAsync(App app, ServeOptions serve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(serve);
        DashboardAccess.CheckBinding(serve);
        var connectionString = await app.ConnectionStringAsync(cancellationToken);
        await app.DataSourceAsync(cancellationToken); // checks the pseudonym key before any job runs
        Directory.CreateDirectory(PlatformJobs.InboxFolder(app, serve));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(serve.BindAddress, serve.Port));

        builder.Services.AddSingleton(app);
        builder.Services.AddSingleton(serve);
        builder.Services.AddTransient<PlatformJobs>();
        builder.Services.AddBoard();
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(serve.PollSeconds),
                InvisibilityTimeout = TimeSpan.FromSeconds(serve.InvisibilityTimeoutSeconds),

                // The fetch time is renewed while a job runs, so only a dead server's jobs time out.
                UseSlidingInvisibilityTimeout = true,
            }));
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = serve.WorkerCount;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(serve.PollSeconds);
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        UseRetries(serve.RetryDelays);

        var web = builder.Build();

        // Hangfire has no Danish texts, but its dates follow the request culture: Danish dates on the dashboard.
        var culture = DashboardCulture();
        var danish = new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(culture) };
        danish.SupportedCultures = danish.SupportedUICultures = [culture];
        web.UseWhen(http => http.Request.Path.StartsWithSegments("/hangfire"), dashboard => dashboard.UseRequestLocalization(danish));
        var access = new DashboardAccess(serve.Dashboard);
        web.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Evaluation jobs",
            AppPath = "/",
            Authorization = [access],
            IsReadOnlyFunc = _ => DashboardAccess.ReadOnly(serve),
            DisplayStorageConnectionString = false,
        });
        web.MapBoard(access, serve.Dashboard.HasCredentials);

        var recurring = web.Services.GetRequiredService<IRecurringJobManager>();
        var local = new RecurringJobOptions { TimeZone = TimeZoneInfo.Local };
        recurring.AddOrUpdate<PlatformJobs>(InboxJob, j => j.IngestInboxAsync(CancellationToken.None), serve.Schedule.Inbox, local);
        recurring.AddOrUpdate<PlatformJobs>(RecomputeJob, j => j.RecomputeAsync(CancellationToken.None), serve.Schedule.Recompute, local);
        recurring.AddOrUpdate<PlatformJobs>(ReportsJob, j => j.RenderReportsAsync(CancellationToken.None), serve.Schedule.Reports, local);
        return web;
    }

    /// <summary>Danish, with dates written dd-MM-yyyy and times HH:mm:ss as on the manager pages (the culture's own default is dd.MM.yyyy HH.mm.ss).</summary>
    public static CultureInfo DashboardCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("da-DK").Clone();
        culture.DateTimeFormat.ShortDatePattern = "dd-MM-yyyy";
        culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        culture.DateTimeFormat.ShortTimePattern = "HH:mm";
        culture.DateTimeFormat.DateSeparator = "-";
        culture.DateTimeFormat.TimeSeparator = ":";
        return culture;
    }

    /// <summary>Replaces Hangfire's default of ten quick retries with the configured back-off.</summary>
    private static void UseRetries(IReadOnlyList<int> delays)
    {
        foreach (var filter in GlobalJobFilters.Filters.Where(f => f.Instance is AutomaticRetryAttribute).ToList())
        {
            GlobalJobFilters.Filters.Remove(filter.Instance);
        }

        GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute
        {
            Attempts = delays.Count,
            DelaysInSeconds = delays.ToArray(),
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
    }
}
