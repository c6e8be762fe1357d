using System.Threading.Channels;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Events;

/// <summary>
/// One open stream's place at the node's reader (<see cref="EventHub"/>): the events after <see cref="JoinedAt"/> that
/// its filter wants, in position order. A stream that falls <see cref="Capacity"/> events behind is ended instead of
/// holding memory; its client resumes with Last-Event-ID and misses nothing.
/// </summary>
public sealed class EventSubscription : IDisposable
{
    public const int Capacity = 10_000;

    private readonly EventHub _hub;
    private readonly Channel<StoredEvent> _events = Channel.CreateBounded<StoredEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });

    internal EventSubscription(EventHub hub, EventFilter filter, long joinedAt)
    {
        _hub = hub;
        Filter = filter;
        JoinedAt = joinedAt;
    }

    public EventFilter Filter { get; }

    /// <summary>The last position the hub had handed out when this joined: every later event comes through <see cref="Events"/>.</summary>
    public long JoinedAt { get; }

    public ChannelReader<StoredEvent> Events => _events.Reader;

    internal void Offer(StoredEvent stored)
    {
        if (!_events.Writer.TryWrite(stored)) _events.Writer.TryComplete();
    }

    internal void End() => _events.Writer.TryComplete();

    public void Dispose() => _hub.Unsubscribe(this);
}
