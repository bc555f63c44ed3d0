using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Evaluation.Host.Tests.Platform;

/// <summary>
/// One <c>evaluation serve</c> process, as an operator would start it, with fast schedules for tests.
/// Its stderr (the log) is kept for assertion messages.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ServeProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public int Id => process.Id;

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public string DashboardUrl => $"http://127.0.0.1:{Port}/hangfire";

    /// <summary>Starts a server and waits until its dashboard answers.</summary>
    public static async Task<ServeProcess> StartAsync(string home, string database, string inbox, IReadOnlyDictionary<string, string>? settings = null)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "evaluation.dll"), "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inbox", inbox })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["EVALUATION_HOME"] = home;
        start.Environment["EVALUATION_DB"] = database;
        start.Environment["EVALUATION_Serve__Schedule__Inbox"] = "*/1 * * * * *";
        start.Environment["EVALUATION_Serve__SettleSeconds"] = "1"; // a drop is taken whole, not half-way through copying
        start.Environment["EVALUATION_Serve__PollSeconds"] = "1";
        start.Environment["EVALUATION_Outcomes__BootstrapResamples"] = "20";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var serve = new ServeProcess(Process.Start(start)!, port);
        serve.process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
        serve.process.OutputDataReceived += (_, e) => serve.Append(e.Data);
        serve.process.BeginErrorReadLine();
        serve.process.BeginOutputReadLine();

        using var http = new HttpClient();
        await Wait.UntilAsync(async () =>
        {
            if (serve.process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {serve.process.ExitCode}:\n{serve.Log}");
            }

            try
            {
                return (int)(await http.GetAsync(serve.DashboardUrl)).StatusCode < 500; // 401 too: it is up, asking for credentials
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), () => serve.Log);
        return serve;
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Polling for a condition, with the server log in the failure message.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string>? context = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await Holds(condition))
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Not reached within {timeout.TotalSeconds} s.\n{context?.Invoke()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A database that is away (restarting, say) means "not yet".</summary>
    private static async Task<bool> Holds(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
