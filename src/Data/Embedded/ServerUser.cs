namespace Evaluation.Data.Embedded;

/// <summary>The unprivileged system user that runs the server when the app runs as root.</summary>
internal static class ServerUser
{
    private const string Preferred = "postgres";
    private const string Fallback = "evaluation-db";

    public static string Ensure()
    {
        if (Exists(Preferred))
        {
            return Preferred;
        }

        if (!Exists(Fallback))
        {
            EmbeddedCluster.Run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", Fallback], null);
        }

        return Fallback;
    }

    /// <summary>
    /// Gives the server user the cluster folder, and lets it pass through (execute bit only, no
    /// listing) the folders above it, as a home folder like /root is closed to other users.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void GrantAccess(string folder, string user)
    {
        EmbeddedCluster.Run("chown", ["-R", user, folder], null);
        for (var dir = Directory.GetParent(folder); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    private static bool Exists(string user) =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));
}
