namespace Restaurant.Api.Persistence;

/// <summary>An event recorded by a command and not yet written: <see cref="EventOutbox"/> writes it just before the commit.</summary>
public sealed record PendingEvent(string OrderId, string Type, bool Kitchen, DateTimeOffset At, string Data);
