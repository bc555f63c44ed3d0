using System.Net;
using System.Text;
using Evaluation.Host.Platform;
using Evaluation.Host.Platform.Board;
using Evaluation.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Evaluation.Host.Tests.Platform.Board;

/// <summary>The pages' access: the dashboard's rule, and the internal management workbook only to this machine or a signed-in user.</summary>
public sealed class BoardAccessTests : IDisposable
{
    private static readonly DashboardAccessOptions WithCredentials = new() { Username = "leder", Password = "hemmelig" };
    private readonly TempFolder folder = new();

    private static HttpContext From(string address, string? credentials = null)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (credentials is not null)
        {
            http.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
        }

        return http;
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", false)]
    public void Allows_OnlyThisMachine_WhenNoCredentialsAreConfigured(string address, bool allowed)
    {
        Assert.Equal(allowed, new DashboardAccess(new DashboardAccessOptions()).Allows(From(address)));
    }

    [Theory]
    [InlineData("10.1.2.3", null, false)]
    [InlineData("127.0.0.1", null, false)]
    [InlineData("10.1.2.3", "leder:forkert", false)]
    [InlineData("10.1.2.3", "leder:hemmelig", true)]
    public void Allows_OnlyTheCredentials_WhenConfigured(string address, string? credentials, bool allowed)
    {
        var http = From(address, credentials);

        Assert.Equal(allowed, new DashboardAccess(WithCredentials).Allows(http));
        Assert.Equal(allowed, http.Response.Headers.WWWAuthenticate.Count == 0);
    }

    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("10.1.2.3", null, false)]
    [InlineData("10.1.2.3", "leder:hemmelig", true)]
    public void MaySeeInternal_OnlyThisMachineOrSignedIn(string address, string? credentials, bool may)
    {
        Assert.Equal(may, new DashboardAccess(WithCredentials).MaySeeInternal(From(address, credentials)));
    }

    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 2)]
    public void ReportsPage_ListsTheManagementWorkbook_OnlyToWhoMaySeeIt(bool maySeeInternal, int listed)
    {
        folder.Write("Aalborg_2026-11-25.xlsx", "x");
        folder.Write("Alle_kommuner_2026-11-25.xlsx", "x");
        folder.Write("Aalborg_ledelse_2026-11-25.xlsx", "x");
        var run = new ResultRun(1, 1, new DateOnly(2026, 11, 25), true, DateTimeOffset.UnixEpoch, folder.Path);

        var html = ReportsPage.Render(new BoardPage(new DefaultHttpContext(), maySeeInternal), run, run);

        Assert.Equal(listed, html.Split("<a href=\"/reports/", StringSplitOptions.None).Length - 1);
        Assert.Equal(maySeeInternal, html.Contains("_ledelse_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Aarhus_management_2026-11-25.xlsx", true)]
    [InlineData("Aarhus_Ledelse_2026-11-25.xlsx", true)]
    [InlineData("Aarhus_2026-11-25.xlsx", false)]
    public void Workbook_IsInternal_ByItsName(string name, bool isInternal)
    {
        Assert.Equal(isInternal, new Workbook(name, name, 1, DateTimeOffset.UnixEpoch).Internal);
    }

    public void Dispose() => folder.Dispose();
}
