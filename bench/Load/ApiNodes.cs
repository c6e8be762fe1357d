namespace Restaurant.Benchmarks.Load;

/// <summary>
/// One or more API processes (nodes) on one database, each on a port of its own: the first starts alone (it migrates
/// the database), the others after it is ready. Killed when disposed.
/// </summary>
public sealed class ApiNodes : IAsyncDisposable
{
    private readonly List<ServerProcess> nodes = [];

    private ApiNodes()
    {
    }

    public IReadOnlyList<Uri> Addresses => [.. nodes.Select(node => node.BaseAddress)];

    public ServerProcess this[int node] => nodes[node];

    public int Count => nodes.Count;

    /// <summary>CPU time all nodes have used so far (user and system).</summary>
    public TimeSpan CpuTime => nodes.Aggregate(TimeSpan.Zero, (sum, node) => sum + node.CpuTime);

    /// <param name="apiDll">Another build of the API (--compare-api); null for this repository's.</param>
    public static async Task<ApiNodes> StartAsync(int count, string provider, string connectionString, string? apiDll, CancellationToken ct)
    {
        var started = new ApiNodes();
        try
        {
            for (var node = 0; node < count; node++)
                started.nodes.Add(await ServerProcess.StartApiAsync(connectionString, ct, new Dictionary<string, string>
                {
                    ["Restaurant__Database"] = provider,
                    ["ConnectionStrings__Restaurant"] = connectionString,
                }, apiDll: apiDll));
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes) await node.DisposeAsync();
        nodes.Clear();
    }
}
