using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Evaluation.Host.Platform;

/// <summary>
/// Who may open the dashboard and the manager pages (SPEC §9, nothing anonymous off this machine): with credentials configured,
/// everyone must give them (HTTP Basic); without, only requests from this machine are served, and
/// <c>serve</c> refuses to listen on anything but loopback.
/// </summary>
public sealed class DashboardAccess(DashboardAccessOptions options) : IDashboardAuthorizationFilter
{
    public const string Realm = "Evaluation jobs";

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Allows(context.GetHttpContext());
    }

    /// <summary>
    /// The one rule for the dashboard and the manager pages: without credentials configured, requests
    /// from this machine only; with them, every request must give them (asked for when missing).
    /// </summary>
    public bool Allows(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!options.HasCredentials)
        {
            return IsLoopback(http.Connection.RemoteIpAddress);
        }

        if (SignedIn(http))
        {
            return true;
        }

        http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return false;
    }

    /// <summary>From this machine, or with the configured credentials: may see the internal management workbook.</summary>
    public bool MaySeeInternal(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return IsLoopback(http.Connection.RemoteIpAddress) || SignedIn(http);
    }

    /// <summary>The request gives the configured user name and password.</summary>
    public bool SignedIn(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return options.HasCredentials && GivesCredentials(http.Request.Headers.Authorization.ToString());
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
        if (!serve.Dashboard.TrustLoopback && !serve.Dashboard.HasCredentials)
        {
            throw new ServeConfigurationException(
                "Serve:Dashboard:TrustLoopback is false, so every request needs credentials: set Serve:Dashboard:Username and Serve:Dashboard:Password.");
        }

        if (!IPAddress.IsLoopback(serve.BindAddress) && !serve.Dashboard.HasCredentials)
        {
            throw new ServeConfigurationException(
                $"Serve:Bind is {serve.Bind}, which other machines can reach: set Serve:Dashboard:Username and Serve:Dashboard:Password, or bind to 127.0.0.1.");
        }
    }

    private bool IsLoopback(IPAddress? address) => options.TrustLoopback && address is not null && IPAddress.IsLoopback(address);

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
