using System.Collections.Concurrent;

namespace Restaurant.Benchmarks.Load;

public sealed record OpenOrder(string Id, string Token);

/// <summary>How a load run opens an order for a table and closes it once it is full; neither counts as an addition.</summary>
public interface IOrderDesk
{
    string Name { get; }

    /// <summary>HTTP calls <see cref="CloseAsync"/> makes (reported next to the additions).</summary>
    int CallsToClose { get; }

    Task<OpenOrder> OpenAsync(int table, CancellationToken ct);

    Task CloseAsync(OpenOrder order, CancellationToken ct);
}

/// <summary>
/// The API: one open order a table, closed by staff (submit, bill, cash) before the next one opens. Each table is set
/// up once (PUT /tables/{id}), and its code opens every order after.
/// </summary>
public sealed class ApiDesk(ApiClient client) : IOrderDesk
{
    private readonly ConcurrentDictionary<int, Task<string>> codes = new();

    public string Name => "ours";

    public int CallsToClose => 3;

    public async Task<OpenOrder> OpenAsync(int table, CancellationToken ct)
    {
        var code = await codes.GetOrAdd(table, t => client.SetUpTableAsync($"t{t}", ct));
        var order = await client.OpenOrderAsync($"t{table}", code, ct);
        return new OpenOrder(order.Id, order.AccessToken);
    }

    public Task CloseAsync(OpenOrder order, CancellationToken ct) => client.CloseAsync(order.Id, ct);
}

/// <summary>The baseline: nothing to close, so every order of a table gets a table name of its own.</summary>
public sealed class BaselineDesk(ApiClient client) : IOrderDesk
{
    private int opened;

    public string Name => "baseline";

    public int CallsToClose => 0;

    public async Task<OpenOrder> OpenAsync(int table, CancellationToken ct)
    {
        var order = await client.OpenOrderAsync($"t{table}-{Interlocked.Increment(ref opened)}", null, ct);
        return new OpenOrder(order.Id, order.AccessToken);
    }

    public Task CloseAsync(OpenOrder order, CancellationToken ct) => Task.CompletedTask;
}
