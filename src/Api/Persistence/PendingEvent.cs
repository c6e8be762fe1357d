namespace Restaurant.Api.Persistence;

/// <summary>
/// An event recorded by a command and not yet written: <see cref="EventOutbox"/> writes it just before the commit.
/// <paramref name="KitchenTicket"/>: a ticket entering the kitchen's sequence, written under the kitchen's sequence
/// lock, so tickets reach the kitchen's streams in their sequence (PostgresEvents).
/// </summary>
public sealed record PendingEvent(string OrderId, string Type, bool Kitchen, DateTimeOffset At, string Data, bool KitchenTicket = false);
