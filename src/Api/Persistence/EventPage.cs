namespace Restaurant.Api.Persistence;

/// <summary>
/// Events after a position, in position order, all of them committed and none of them ahead of one still in flight.
/// <see cref="HeldBack"/>: committed events exist beyond these but wait for an older transaction (PostgreSQL), so
/// the reader should look again soon.
/// </summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, bool HeldBack);

/// <summary>Which events a read wants: all, one order's, or the kitchen's.</summary>
public sealed record EventFilter(string? OrderId, bool KitchenOnly)
{
    public static readonly EventFilter All = new(null, false);
}
