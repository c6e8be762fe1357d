namespace Restaurant.Api.Persistence;

/// <summary>
/// One change of an order, written in the transaction that made it (the outbox the event streams read). Its
/// <see cref="Position"/> is the stream's event id: it only grows in the order readers are handed events
/// (<see cref="IDatabaseDialect.ReadEventsAsync"/>), so a reader resuming after a position misses nothing and repeats nothing.
/// </summary>
public sealed class StoredEvent
{
    public const int MaxTypeLength = 24;

    public long Position { get; set; }
    public string OrderId { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary>Whether the kitchen's stream carries it (tickets and line statuses).</summary>
    public bool Kitchen { get; set; }
    /// <summary>When it was written: old events expire by it (EventPurge).</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>The event's JSON, exactly as the streams send it in <c>data:</c>.</summary>
    public string Data { get; set; } = "";
}
