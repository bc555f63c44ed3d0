using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Evaluation.Data.Embedded;

/// <summary>
/// The embedded default database: a real local PostgreSQL cluster that the app creates with
/// <c>initdb</c> in a folder of its own and runs with <c>pg_ctl</c> on a free loopback port,
/// reusing it on later runs. PostgreSQL refuses to run as root, so when the app is root the
/// server runs as the unprivileged <c>postgres</c> system user (created if missing).
/// </summary>
public sealed class EmbeddedCluster
{
    public const string DatabaseName = "evaluation";
    private const string SuperUser = "evaluation";
    private readonly string folder;
    private readonly EmbeddedClusterOptions options;
    private readonly TextWriter log;

    public EmbeddedCluster(string folder, EmbeddedClusterOptions? options = null, TextWriter? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        this.folder = Path.GetFullPath(folder);
        this.options = options ?? new EmbeddedClusterOptions();
        this.log = log ?? TextWriter.Null;
    }

    public string DataDirectory => Path.Combine(folder, "data");

    private string PortFile => Path.Combine(folder, "port");

    private string PasswordFile => Path.Combine(folder, "password");

    private string LogFile => Path.Combine(folder, "postgres.log");

    /// <summary>Creates the cluster if needed, starts it if it is not running, and returns a connection string to its database.</summary>
    public string Start()
    {
        Directory.CreateDirectory(folder);
        using var guard = AcquireLock();
        var binaries = PostgresBinaries.Find();
        var runAs = IsRoot() ? ServerUser.Ensure() : null;
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            Initialise(binaries, runAs);
        }

        int port = ReadPort();
        if (!IsRunning(binaries, runAs))
        {
            port = StartServer(binaries, runAs);
        }

        var connectionString = ConnectionString(port, DatabaseName);
        EnsureDatabase(port);
        return connectionString;
    }

    /// <summary>Stops the server if it runs (fast shutdown: open transactions are rolled back).</summary>
    public void Stop()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        using var guard = AcquireLock();
        var binaries = PostgresBinaries.Find();
        var runAs = IsRoot() ? ServerUser.Ensure() : null;
        if (IsRunning(binaries, runAs))
        {
            Run(binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], runAs);
        }
    }

    /// <summary>True when the server of this cluster is running.</summary>
    public bool IsRunning()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return false;
        }

        return IsRunning(PostgresBinaries.Find(), IsRoot() ? ServerUser.Ensure() : null);
    }

    private void Initialise(PostgresBinaries binaries, string? runAs)
    {
        log.WriteLine($"Creating the embedded PostgreSQL cluster in {folder} ...");
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true); // a half-made cluster from an interrupted initdb
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        WritePrivate(PasswordFile, password);

        // initdb reads the password from a file that the server user must be able to read.
        var pwfile = Path.Combine(folder, "initdb-password");
        WritePrivate(pwfile, password + "\n");
        Directory.CreateDirectory(DataDirectory);
        if (runAs is not null && !OperatingSystem.IsWindows())
        {
            ServerUser.GrantAccess(folder, runAs);
            Run("chown", [runAs, pwfile], null);
        }

        try
        {
            Run(binaries.InitDb, ["-D", DataDirectory, "-U", SuperUser, "--pwfile", pwfile, "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-instructions"], runAs);
        }
        finally
        {
            File.Delete(pwfile);
        }

        // Loopback only, no Unix socket (the folder path may be longer than a socket path allows).
        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 100",
            "shared_buffers = '256MB'",
            "work_mem = '32MB'",
            "maintenance_work_mem = '128MB'",
        };
        if (!options.Durable)
        {
            // Test clusters trade crash safety for speed; the data is thrown away anyway.
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        }

        File.AppendAllLines(Path.Combine(DataDirectory, "postgresql.conf"), settings);
    }

    private int StartServer(PostgresBinaries binaries, string? runAs)
    {
        int port = ReadPort();
        for (int attempt = 0; ; attempt++)
        {
            if (port == 0 || !IsPortFree(port))
            {
                port = FreePort();
            }

            log.WriteLine($"Starting the embedded PostgreSQL server on 127.0.0.1:{port} ...");
            try
            {
                Run(binaries.PgCtl, ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "120", "-o", $"-p {port}"], runAs);
                File.WriteAllText(PortFile, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return port;
            }
            catch (EmbeddedClusterException) when (attempt < 2)
            {
                port = 0; // the port may have been taken between the check and the start: try another
            }
        }
    }

    private bool IsRunning(PostgresBinaries binaries, string? runAs) =>
        Run(binaries.PgCtl, ["status", "-D", DataDirectory], runAs, throwOnError: false) == 0;

    private void EnsureDatabase(int port)
    {
        // Not pooled: a pooled connection may still point at a server that has since been restarted.
        using var connection = new NpgsqlConnection(ConnectionString(port, "postgres") + ";Pooling=false");
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            create.ExecuteNonQuery();
        }
    }

    /// <summary>A connection string for another database of this cluster (tests use one database per test class).</summary>
    public string ConnectionStringFor(string database) => ConnectionString(ReadPort(), database);

    private string ConnectionString(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = SuperUser,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
        Pooling = true,
        CommandTimeout = 0,
    }.ConnectionString;

    private int ReadPort() =>
        File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), out var port) ? port : 0;

    private FileStream AcquireLock()
    {
        var path = Path.Combine(folder, "cluster.lock");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(text);
    }

    internal static int Run(string program, IReadOnlyList<string> arguments, string? runAs, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is null)
        {
            start.FileName = program;
        }
        else
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", runAs, "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new EmbeddedClusterException($"Could not start {program}.");

        // pg_ctl start leaves the server holding our stdout open; read both streams asynchronously
        // and do not wait for them to close.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 && throwOnError)
        {
            var output = (stderr.Wait(TimeSpan.FromSeconds(2)) ? stderr.Result : "") + (stdout.Wait(TimeSpan.FromSeconds(2)) ? stdout.Result : "");
            throw new EmbeddedClusterException($"{Path.GetFileName(program)} {string.Join(' ', arguments.Take(2))} failed (exit {process.ExitCode}): {output.Trim()}");
        }

        return process.ExitCode;
    }

    /// <summary>Effective user id 0, read from /proc (Linux) so that no native call is needed.</summary>
    private static bool IsRoot()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return false;
        }

        var uid = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = uid?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 2 } && fields[2] == "0";
    }
}

/// <summary>How an embedded cluster is set up.</summary>
public sealed record EmbeddedClusterOptions
{
    /// <summary>False for throw-away test clusters: fsync and synchronous commit off.</summary>
    public bool Durable { get; init; } = true;
}

/// <summary>The embedded cluster could not be created or started; the message says which step failed.</summary>
public sealed class EmbeddedClusterException(string message) : Exception(message);
