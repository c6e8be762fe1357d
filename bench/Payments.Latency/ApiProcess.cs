using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Restaurant.Benchmarks.Payments;

/// <summary>
/// The Release build of the API, run as a child process on a free loopback port with its own temporary SQLite file
/// and the simulated card gateway. Disposing it kills the process and deletes the database.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string StaffKey = "bench-staff-key";

    private readonly Process process;
    private readonly string databasePath;
    // The API's console output, shown only if it fails to start.
    private readonly ConcurrentQueue<string> output = new();

    public Uri BaseAddress { get; }

    private ApiProcess(Process process, string databasePath, Uri baseAddress)
    {
        this.process = process;
        this.databasePath = databasePath;
        BaseAddress = baseAddress;
    }

    public static async Task<ApiProcess> StartAsync(string repositoryRoot, TimeSpan gatewayLatency, CancellationToken cancellationToken)
    {
        var apiDll = Path.Combine(repositoryRoot, "src", "Api", "bin", "Release", "net10.0", "Restaurant.Api.dll");
        if (!File.Exists(apiDll))
            throw new InvalidOperationException($"{apiDll} is missing: run `dotnet build -c Release src/Api` first.");

        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var databasePath = Path.Combine(Path.GetTempPath(), $"payments-latency-{Guid.NewGuid():N}.db");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { apiDll, "--urls", baseAddress.ToString() },
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Restaurant__Database"] = "sqlite";
        startInfo.Environment["ConnectionStrings__Restaurant"] = $"Data Source={databasePath}";
        startInfo.Environment["Restaurant__StaffKeys__0"] = StaffKey;
        startInfo.Environment["Payments__SimulatedLatency"] = gatewayLatency.ToString("c");
        // Per-request information logs would put console I/O into the measured calls.
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        // A Stripe key inherited from the shell would send the charges to Stripe instead of the simulated gateway.
        startInfo.Environment.Remove("Stripe__SecretKey");

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the API.");
        var api = new ApiProcess(process, databasePath, baseAddress);
        // Read both streams so that a full pipe never blocks the API.
        process.OutputDataReceived += (_, line) => api.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => api.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await api.WaitUntilReadyAsync(cancellationToken);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The API exited with code {process.ExitCode}:\n{string.Join('\n', output)}");
            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"The API was not ready within 60 s:\n{string.Join('\n', output)}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
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
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(databasePath + suffix);
    }
}
