using System.Net;

namespace Evaluation.Host.Platform;

/// <summary>
/// The <c>Serve</c> section of the configuration (SPEC §9): where the inbox is, where the dashboard
/// listens, the cron schedules, and how jobs are retried. Every key can be set as an environment
/// variable, e.g. <c>EVALUATION_Serve__Schedule__Inbox</c>.
/// </summary>
public sealed class ServeOptions
{
    /// <summary>The folder municipalities drop files into; default <c>$EVALUATION_HOME/inbox</c>.</summary>
    public string? Inbox { get; set; }

    /// <summary>The address the dashboard listens on. Anything but loopback needs dashboard credentials.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 5080;

    public ServeSchedule Schedule { get; set; } = new();

    /// <summary>A file is taken only once it has not changed for this long, so a half-copied file waits.</summary>
    public int SettleSeconds { get; set; } = 5;

    /// <summary>Jobs that may run at once in this process.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>Back-off between the automatic retries of a failed job; its length is the number of retries.</summary>
    public List<int>? RetryDelaysSeconds { get; set; }

    /// <summary>How long a job of a server that stopped answering stays invisible before another server takes it.</summary>
    public int InvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>How often a server looks for enqueued and scheduled jobs.</summary>
    public int PollSeconds { get; set; } = 5;

    public DashboardAccessOptions Dashboard { get; set; } = new();

    public IReadOnlyList<int> RetryDelays => RetryDelaysSeconds is { Count: > 0 } delays ? delays : [10, 30, 60, 300, 600, 1800, 3600];

    public IPAddress BindAddress =>
        IPAddress.TryParse(Bind, out var address)
            ? address
            : throw new ServeConfigurationException($"Serve:Bind '{Bind}' is not an IP address (use 127.0.0.1, or 0.0.0.0 for every interface).");
}

/// <summary>Cron expressions (five fields, or six with seconds first), in the server's local time zone.</summary>
public sealed class ServeSchedule
{
    public string Inbox { get; set; } = "* * * * *";

    /// <summary>Outcomes and fidelity move with the as-of date even without new data.</summary>
    public string Recompute { get; set; } = "0 2 * * *";

    public string Reports { get; set; } = "0 5 * * 1";
}

/// <summary>Who may see the dashboard and whether they may act on jobs.</summary>
public sealed class DashboardAccessOptions
{
    /// <summary>With a user name and password set, every dashboard request must give them (HTTP Basic; put TLS in front).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Read-only (no retry, delete or trigger buttons); when unset, read-only unless bound to loopback.</summary>
    public bool? ReadOnly { get; set; }

    /// <summary>
    /// Whether requests from this machine itself may skip the credentials (default true). Set it to false on a
    /// machine where other people have shell accounts, or behind a reverse proxy on the same machine, whose
    /// requests all arrive from loopback; it then needs a user name and password.
    /// </summary>
    public bool TrustLoopback { get; set; } = true;

    public bool HasCredentials => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}

/// <summary>A <c>Serve</c> setting that cannot work, explained.</summary>
public sealed class ServeConfigurationException(string message) : Exception(message);
