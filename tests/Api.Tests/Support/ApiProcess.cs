using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Restaurant.Api.Tests.Support.Contract;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// The API as a separate operating-system process (the build copied beside the tests), so that a test can stop it
/// the hard way: SIGKILL, with no chance to finish a request, flush a buffer or run a shutdown hook.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    /// <summary>
    /// How long a (re)started API may take to answer: generous, because the crash tests restart it dozens of times on a
    /// machine the other test run shares, and what they check is that nothing is lost, not how fast it starts.
    /// </summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private const int MaxLogLines = 5000;

    /// <summary>
    /// Where the API to start lives, when not beside the tests: test.sh publishes it there compiled ahead of time
    /// (ReadyToRun), so that each of the many starts and first requests spends less CPU compiling.
    /// </summary>
    public const string DirectoryVariable = "RESTAURANT_TEST_API_DIR";

    /// <summary>
    /// One process of this test run starts at a time. A start is a few seconds of CPU (JIT, migrations): with test
    /// classes running in parallel, several starting at once on two cores each took longer than the minute a start is
    /// given, whereas a start that waits its turn here is timed only from its launch. This is the test host's
    /// own throttle over a machine-wide resource (the cores), so it is shared by every test of the process.
    /// </summary>
    private static readonly SemaphoreSlim Starting = new(1, 1);

    private readonly Process _process;

    private readonly string _ownKey;

    private readonly ConcurrentQueue<string> _log;

    private ApiProcess(Process process, Uri address, string ownKey, ConcurrentQueue<string> log)
    {
        _process = process;
        Address = address;
        _ownKey = ownKey;
        _log = log;
    }

    public Uri Address { get; }

    /// <summary>The last lines the process wrote to its console (it logs warnings and errors).</summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>
    /// Starts the API on a free port and waits until it answers as itself. The port is free when chosen but may be
    /// taken (by another test's server) before the child binds it, so the child also gets a staff key of its own, and
    /// "ready" means that key is accepted there; otherwise it starts again on another port.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        await Starting.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var api = Launch(database, settings, ownKey: Guid.NewGuid().ToString("N"));
                if (await api.WhenReadyAsync()) return api;
                await api.DisposeAsync();
                if (attempt == 3) throw new InvalidOperationException($"The API did not start as itself on three ports; last: {api.Address}");
            }
        }
        finally
        {
            Starting.Release();
        }
    }

    private static ApiProcess Launch(TestDatabase database, IReadOnlyDictionary<string, string?> settings, string ownKey)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } published ? published : AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(directory, "Restaurant.Api.dll"), "--urls", address.ToString().TrimEnd('/') },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Restaurant__StaffKeys__0"] = RestaurantApi.StaffKey;
        start.Environment["Restaurant__StaffKeys__1"] = ownKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Dozens of short-lived processes share two cores with the test hosts: the workstation collector (no GC thread
        // per core spinning) and no profile-guided re-compilation (the process is gone before it would pay off) cost
        // them about an eighth less CPU (docs/benchmarks.md "The test suite").
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        // Nor re-compilation at tier 1 (the ReadyToRun code is kept), and no write-xor-execute double mapping of the code
        // the runtime writes: the crash and history classes about 15% less CPU (docs/benchmarks.md "Tier 1 and W^X").
        start.Environment["DOTNET_TC_CallCounting"] = "0";
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        // No debugger or tracer attaches to these, and a process killed with SIGKILL cannot remove its diagnostics pipes:
        // each left three files in /tmp (clr-debug-pipe-*, dotnet-diagnostic-*), about 400 per full run (every one is killed).
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach (var (key, value) in database.Settings.Concat(settings)) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var dll = new FileInfo(start.ArgumentList[0]);
        ApiContract.Runs(address, $"process {dll.FullName} {dll.Length} {dll.LastWriteTimeUtc:O}");
        // Drain the pipes so the child never blocks on a full one, keeping the last lines for tests that read them.
        var log = new ConcurrentQueue<string>();
        DataReceivedEventHandler keep = (_, line) =>
        {
            if (line.Data is null) return;
            log.Enqueue(line.Data);
            while (log.Count > MaxLogLines) log.TryDequeue(out var _);
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ApiProcess(process, address, ownKey, log);
    }

    public HttpClient Client(string token)
    {
        var client = ContractHandler.Client(Address, TimeSpan.FromSeconds(30));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true); // SIGKILL on Linux
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>True once this process answers with its own staff key; false if it exits first (its port was taken).</summary>
    private async Task<bool> WhenReadyAsync()
    {
        using var http = ContractHandler.Client(Address, TimeSpan.FromSeconds(2));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _ownKey);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited) return false;
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK &&
                    (await http.GetAsync("/kitchen/tickets?after=0")).StatusCode == HttpStatusCode.OK)
                    return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The API was not ready within {ReadyTimeout.TotalMinutes} minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
