using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluation.Host.Platform.Board;

/// <summary>
/// The manager pages of <c>evaluation serve</c>: <c>/</c>, <c>/phases</c>, <c>/fidelity</c>, <c>/quality</c>,
/// <c>/reports</c> and the workbook downloads, all behind the dashboard's access rule.
/// </summary>
public static class BoardEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Registers the access check for every path outside the Hangfire dashboard (which checks its own) and the pages.</summary>
    public static void MapBoard(this WebApplication web, DashboardAccess access, bool credentials)
    {
        ArgumentNullException.ThrowIfNull(web);
        ArgumentNullException.ThrowIfNull(access);
        web.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/hangfire"))
            {
                await next(http);
                return;
            }

            if (!access.Allows(http))
            {
                http.Response.StatusCode = credentials ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(BoardText.Get("refused", "da") + "\n" + BoardText.Get("refused", "en") + "\n", http.RequestAborted);
                return;
            }

            // Pages about people: not cached on the way, not framed, no scripts at all.
            var headers = http.Response.Headers;
            headers.CacheControl = "no-store";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'";
            await next(http);
        });

        web.MapGet("/", async (HttpContext http, BoardStore store, CancellationToken token) =>
        {
            var run = await store.LatestRunAsync(false, token);
            var results = run is null ? null : await store.ResultsAsync(run, token);
            return Page(OverviewPage.Render(Page(http, access), run, results, await store.LatestRunAsync(true, token)));
        });
        web.MapGet("/phases", async (HttpContext http, BoardStore store, CancellationToken token) =>
        {
            var run = await store.LatestRunAsync(false, token);
            return Page(PhaseBoardPage.Render(Page(http, access), run, run is null ? null : await store.ResultsAsync(run, token)));
        });
        web.MapGet("/fidelity", async (HttpContext http, BoardStore store, CancellationToken token) =>
        {
            var run = await store.LatestRunAsync(false, token);
            return Page(FidelityPage.Render(Page(http, access), run, run is null ? null : await store.ResultsAsync(run, token)));
        });
        web.MapGet("/quality", async (HttpContext http, BoardStore store, CancellationToken token) =>
            Page(QualityPage.Render(Page(http, access), await store.LatestRunAsync(false, token), await store.DeliveriesAsync(token))));
        web.MapGet("/reports", async (HttpContext http, BoardStore store, CancellationToken token) =>
            Page(ReportsPage.Render(Page(http, access), await store.LatestRunAsync(false, token), await store.LatestRunAsync(true, token))));
        web.MapGet("/reports/{name}", async (string name, HttpContext http, BoardStore store, CancellationToken token) =>
        {
            // Only a workbook the page lists: the name is matched against the folder, never used as a path.
            var file = Workbook.In(await store.LatestRunAsync(true, token)).FirstOrDefault(w => w.Name == name);
            if (file is null || (file.Internal && !access.MaySeeInternal(http)))
            {
                return Results.NotFound();
            }

            return Results.File(file.Path, XlsxType, file.Name);
        });
    }

    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<BoardStore>();
        return services.AddHostedService<BoardWarmer>();
    }

    private static BoardPage Page(HttpContext http, DashboardAccess access) => new(http, access.MaySeeInternal(http));

    private static IResult Page(string html) => Results.Content(html, "text/html; charset=utf-8");
}
