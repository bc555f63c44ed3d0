using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Evaluation.Host.Platform;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Platform;

/// <summary>SPEC §9 security: no anonymous remote dashboard, read-only off loopback unless configured.</summary>
public sealed class DashboardAccessTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Serve_refuses_a_network_address_without_dashboard_credentials()
    {
        var result = await Cli.RunAsync(
            new Dictionary<string, string?> { ["EVALUATION_HOME"] = folder.Path, ["EVALUATION_Serve__Bind"] = "0.0.0.0" }, "serve");

        Assert.Equal(2, result.ExitCode); // a configuration error (README "Exit codes")
        Assert.Contains("Serve:Dashboard:Username", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", null, false)]
    [InlineData("0.0.0.0", null, true)]
    [InlineData("0.0.0.0", false, false)]
    [InlineData("127.0.0.1", true, true)]
    public void The_dashboard_is_read_only_off_loopback_unless_configured(string bind, bool? configured, bool readOnly)
    {
        var options = new ServeOptions { Bind = bind, Dashboard = new DashboardAccessOptions { ReadOnly = configured } };

        Assert.Equal(readOnly, DashboardAccess.ReadOnly(options));
    }

    [Fact]
    public async Task With_credentials_configured_every_request_must_give_them()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var server = await ServeProcess.StartAsync(folder.Combine("home"), database, folder.Combine("inbox"), new Dictionary<string, string>
        {
            ["EVALUATION_Serve__Dashboard__Username"] = "evaluator",
            ["EVALUATION_Serve__Dashboard__Password"] = "s3cret æøå",
        });
        using var http = new HttpClient();

        var anonymous = await http.GetAsync(server.DashboardUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(http, server.DashboardUrl, "evaluator:wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, server.DashboardUrl, "evaluator:s3cret æøå")).StatusCode);
    }

    public void Dispose() => folder.Dispose();

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string url, string credentials)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return http.SendAsync(request);
    }
}
