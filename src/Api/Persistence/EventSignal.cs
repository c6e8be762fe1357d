namespace Restaurant.Api.Persistence;

/// <summary>
/// "New events may have committed": set after this node's commits and by the database's own signal (PostgreSQL's
/// NOTIFY), awaited by the one reader of this node (Features/Events/EventHub). Several sets before a wait count as one.
/// </summary>
public sealed class EventSignal
{
    private readonly SemaphoreSlim _set = new(0, 1);

    public void Set()
    {
        try
        {
            if (_set.CurrentCount == 0) _set.Release();
        }
        catch (SemaphoreFullException)
        {
            // Set twice at once: it is set, which is all that matters.
        }
    }

    /// <summary>True when set (and resets it), false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _set.WaitAsync(timeout, ct);
}
