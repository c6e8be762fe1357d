namespace Restaurant.Benchmarks.Load;

/// <summary>
/// A table's current order, shared by the connections adding to it. An order holds at most 200 units, so after
/// <see cref="Capacity"/> additions the connection that asks for one more waits for the in-flight additions to finish,
/// closes the order and opens the next; the others wait for that one. No addition ever meets a closed order.
/// </summary>
public sealed class SharedOrder(OpenOrder order, int capacity = SharedOrder.DefaultCapacity)
{
    public const int DefaultCapacity = 150;

    /// <summary>Additions this order takes before the next one opens.</summary>
    public int Capacity { get; } = capacity;

    private readonly TaskCompletionSource allAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SharedOrder> next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int reserved;
    private int finished;

    public OpenOrder Order { get; } = order;

    /// <summary>True: add one unit. False: the order is full; call <see cref="NextAsync"/>.</summary>
    public bool TryReserve(out bool mustRollOver)
    {
        var number = Interlocked.Increment(ref reserved);
        mustRollOver = number == Capacity + 1;
        return number <= Capacity;
    }

    /// <summary>Called after every reserved addition, whether it succeeded or not.</summary>
    public void Finished()
    {
        if (Interlocked.Increment(ref finished) == Capacity) allAdded.SetResult();
    }

    /// <summary>The order after this one: the caller that must roll over makes it, the others wait for it.</summary>
    public async Task<SharedOrder> NextAsync(bool mustRollOver, IOrderDesk desk, int table, CancellationToken ct)
    {
        if (!mustRollOver) return await next.Task.WaitAsync(ct);
        try
        {
            await allAdded.Task.WaitAsync(ct);
            await desk.CloseAsync(Order, ct);
            var following = new SharedOrder(await desk.OpenAsync(table, ct), Capacity);
            next.SetResult(following);
            return following;
        }
        catch (Exception exception)
        {
            next.TrySetException(exception);
            throw;
        }
    }
}
