using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of one test's own, started the way test.sh starts the suite's (initdb into a temporary
/// directory, a free loopback port, fsync off; as the postgres user when the tests run as root), so that the test may
/// stop and start it without disturbing any other test. The server binaries are found in
/// <c>RESTAURANT_TEST_PG_BIN</c> (test.sh exports the directory it uses), else where <c>pg_config</c> or the
/// Debian packages put them; without them the test fails and says so, rather than being skipped.
/// </summary>
public sealed class ThrowAwayCluster : IAsyncDisposable
{
    public const string BinVariable = "RESTAURANT_TEST_PG_BIN";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;

    private ThrowAwayCluster(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        _port = port;
    }

    /// <summary>A connection string to the cluster without a database (<see cref="TestDatabase.CreatePostgres"/> adds one).</summary>
    public string Server => $"Host=127.0.0.1;Port={_port};Username=postgres;Timeout=5";

    public static async Task<ThrowAwayCluster> StartAsync()
    {
        var bin = FindBinaries();
        var directory = Path.Combine(Path.GetTempPath(), $"restaurant-outage-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (AsRoot) await RunAsync("chown", "postgres", directory);
        var cluster = new ThrowAwayCluster(bin, directory, FreePort());
        await cluster.RunPostgresAsync("initdb", "-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8");
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary><c>pg_ctl stop -m <paramref name="mode"/></c>: <c>fast</c> ends every session (57P01), <c>immediate</c> kills the server.</summary>
    public Task StopAsync(string mode) => RunPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", mode, "-w", "-t", "60", "stop");

    /// <summary>Starts the server on its port; after an immediate stop it recovers from its WAL first.</summary>
    public Task StartAgainAsync() => RunPostgresAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "start", "-o", $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_directory, recursive: true);
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    // initdb and postgres refuse to run as root.
    private static bool AsRoot => Environment.UserName == "root";

    private Task RunPostgresAsync(string program, params string[] arguments) => AsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
        : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
    }

    private static string FindBinaries()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable(BinVariable), PgConfigBinDir() };
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        return candidates.FirstOrDefault(dir => dir is not null && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            ?? throw new InvalidOperationException(
                $"Staging a PostgreSQL outage needs the server's binaries (initdb, pg_ctl) to run a cluster of the test's own: install PostgreSQL, or set {BinVariable}.");
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            var bin = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit();
            return process?.ExitCode == 0 ? bin : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no pg_config on the PATH
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
