namespace Restaurant.Benchmarks.Load;

/// <summary>
/// Opens each order with <c>lines</c> lines already on it (one tea each, added 50 at a time), so that P1 measures
/// additions to orders of that size; the lines added here are not counted.
/// </summary>
public sealed class PrefilledDesk(IOrderDesk desk, ApiClient client, int lines) : IOrderDesk
{
    private const int PerCall = 50;

    public string Name => desk.Name;

    public int CallsToClose => desk.CallsToClose;

    public async Task<OpenOrder> OpenAsync(int table, CancellationToken ct)
    {
        var order = await desk.OpenAsync(table, ct);
        for (var added = 0; added < lines; added += PerCall)
            await client.AddAsync(order.Id, order.Token, Enumerable.Range(0, Math.Min(PerCall, lines - added)).Select(_ => new NewLine("tea", 1)), ct);
        return order;
    }

    public Task CloseAsync(OpenOrder order, CancellationToken ct) => desk.CloseAsync(order, ct);
}
