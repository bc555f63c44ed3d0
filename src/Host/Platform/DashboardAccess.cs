using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Evaluation.Host.Platform;

/// <summary>
/// Who may open the dashboard (SPEC §9, no anonymous remote dashboard): with credentials configured,
/// everyone must give them (HTTP Basic); without, only requests from this machine are served, and
/// <c>serve</c> refuses to listen on anything but loopback.
/// </summary>
public sealed class DashboardAccess(DashboardAccessOptions options) : IDashboardAuthorizationFilter
{
    public const string Realm = "Evaluation jobs";

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (!options.HasCredentials)
        {
            return IsLoopback(http.Connection.RemoteIpAddress);
        }

        if (GivesCredentials(http.Request.Headers.Authorization.ToString()))
        {
            return true;
        }

        http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return false;
    }

    /// <summary>Read-only unless configured otherwise or, by default, when bound to loopback.</summary>
    public static bool ReadOnly(ServeOptions serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        return serve.Dashboard.ReadOnly ?? !IPAddress.IsLoopback(serve.BindAddress);
    }

    /// <summary>Refuses an anonymous dashboard on a network address before anything listens.</summary>
    public static void CheckBinding(ServeOptions serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        if (!IPAddress.IsLoopback(serve.BindAddress) && !serve.Dashboard.HasCredentials)
        {
            throw new ServeConfigurationException(
                $"Serve:Bind is {serve.Bind}, which other machines can reach: set Serve:Dashboard:Username and Serve:Dashboard:Password, or bind to 127.0.0.1.");
        }
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private bool GivesCredentials(string header)
    {
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string given;
        try
        {
            given = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        // Compared as hashes in constant time, so the answer time tells nothing of the password.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
        return CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }
}
