using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Restaurant.Benchmarks;

/// <summary>
/// A server (the Release build of the API, or bench/Baseline) run as a child process on a free loopback port.
/// Disposing it kills the process; the database file belongs to the caller.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string StaffKey = "bench-staff-key";

    private readonly Process process;
    // The server's console output: the last lines are shown if it fails to start.
    private readonly ConcurrentQueue<string> recentOutput = new();
    private readonly Action<string>? onOutput;

    public Uri BaseAddress { get; }

    /// <summary>CPU time the server has used so far (user and system): its cost per call, whatever else the machine runs.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>From just before the process was started to the first 200 from /health/ready.</summary>
    public TimeSpan TimeToReady { get; private set; }

    private ServerProcess(Process process, Uri baseAddress, Action<string>? onOutput)
    {
        this.process = process;
        this.onOutput = onOutput;
        BaseAddress = baseAddress;
    }

    /// <summary>
    /// The API in Production on <paramref name="databasePath"/>, the simulated card gateway answering at once, warnings
    /// only in the log (per-request information logs would put console I/O into every measured call).
    /// </summary>
    /// <param name="apiDll">Another build of the API (e.g. an older commit's, to compare against); default: this repository's.</param>
    public static Task<ServerProcess> StartApiAsync(string databasePath, CancellationToken ct,
        IReadOnlyDictionary<string, string>? extraEnvironment = null, Action<string>? onOutput = null, string? apiDll = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Restaurant__Database"] = "sqlite",
            ["ConnectionStrings__Restaurant"] = $"Data Source={databasePath}",
            ["Restaurant__StaffKeys__0"] = StaffKey,
            ["Payments__SimulatedLatency"] = "00:00:00",
        };
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>()) environment[name] = value;
        return StartAsync(apiDll ?? Paths.BuiltDll("src/Api", "Restaurant.Api.dll"), environment, ct, onOutput);
    }

    public static async Task<ServerProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment,
        CancellationToken ct, Action<string>? onOutput = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", baseAddress.ToString() },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        // A Stripe key inherited from the shell would send charges to Stripe instead of the simulated gateway.
        startInfo.Environment.Remove("Stripe__SecretKey");
        foreach (var (name, value) in environment) startInfo.Environment[name] = value;

        var started = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var server = new ServerProcess(process, baseAddress, onOutput);
        // Read both streams so that a full pipe never blocks the server.
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(ct);
            server.TimeToReady = started.Elapsed;
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{string.Join('\n', recentOutput)}");
            try
            {
                using var response = await http.GetAsync("/health/ready", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            // Polled often, because the time to the first 200 is measured (P5).
            await Task.Delay(5, ct);
        }
        throw new TimeoutException($"The server was not ready within 120 s:\n{string.Join('\n', recentOutput)}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        onOutput?.Invoke(line);
        recentOutput.Enqueue(line);
        while (recentOutput.Count > 200) recentOutput.TryDequeue(out _);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
}
