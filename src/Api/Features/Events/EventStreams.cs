using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.Telemetry;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Events;

/// <summary>
/// One open stream: the events after the client's position, first those already in the log (read once, at connect),
/// then those the node's reader (<see cref="EventHub"/>) hands on, each exactly once and in position order. It ends
/// when the client goes, when the server stops (ApplicationStopping), or when the client falls too far behind.
/// </summary>
public sealed class EventStreams(EventHub hub, IServiceScopeFactory scopes, IDatabaseDialect dialect, EventOptions options,
    IHostApplicationLifetime lifetime, RestaurantTelemetry telemetry, ILogger<EventStreams> logger)
{
    private static readonly ReadOnlyMemory<byte> KeepAliveComment = ": keep-alive\n\n"u8.ToArray();
    private static readonly TimeSpan HeldBackPause = TimeSpan.FromMilliseconds(25);

    /// <param name="after">The last event the client has; null for only the events to come.</param>
    /// <param name="shape">The data to send for an event (the kitchen's stream of one station trims a ticket's lines); null skips it.</param>
    /// <param name="response">The stream's response: it is started at once (the client sees it open), and keep-alive comments
    /// go to its body between events (the SSE formatter writes one whole event at a time, and waits here meanwhile).</param>
    public async IAsyncEnumerable<SseItem<string>> ReadAsync(EventFilter filter, long? after, Func<StoredEvent, string?> shape,
        HttpResponse response, [EnumeratorCancellation] CancellationToken requestAborted)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        using var subscription = await SubscribeAsync(filter, response, ct);
        if (subscription is null) yield break;
        telemetry.EventStreamOpened(filter.KitchenOnly);
        try
        {
            var cursor = after ?? subscription.JoinedAt;
            while (after is not null)
            {
                var page = await BacklogAsync(filter, cursor, ct);
                if (page is null) yield break;
                foreach (var stored in page.Events)
                {
                    cursor = stored.Position;
                    if (shape(stored) is { } data) yield return Item(stored, data);
                }
                // The rest comes from the reader: everything after the position it had when this stream joined. Up to
                // that position the log itself must give every event, even while a page is held back (a horizon read a
                // moment later may stand lower: PostgresEvents), so it is asked again until it has.
                if (page.Events.Count < EventHub.BatchSize && !page.HeldBack) break;
                if (page.HeldBack && cursor >= subscription.JoinedAt) break;
                if (page.HeldBack && !await PauseAsync(ct)) yield break;
            }
            while (true)
            {
                var next = await NextAsync(subscription, response, ct);
                if (next == Next.End) yield break;
                if (next == Next.KeepAlive) continue;
                while (subscription.Events.TryRead(out var stored))
                {
                    if (stored.Position <= cursor) continue;
                    cursor = stored.Position;
                    if (shape(stored) is { } data) yield return Item(stored, data);
                }
            }
        }
        finally
        {
            telemetry.EventStreamClosed(filter.KitchenOnly);
        }
    }

    private static SseItem<string> Item(StoredEvent stored, string data) =>
        new(data, stored.Type) { EventId = stored.Position.ToString(CultureInfo.InvariantCulture) };

    private async Task<EventSubscription?> SubscribeAsync(EventFilter filter, HttpResponse response, CancellationToken ct)
    {
        EventSubscription subscription;
        try
        {
            subscription = await hub.SubscribeAsync(filter, ct);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        try
        {
            await response.StartAsync(ct);
            // Kestrel holds started headers until the first write; flushed now, the client sees the stream open at once
            // (not at the first event or keep-alive, 15 s later for a quiet kitchen).
            await response.Body.FlushAsync(ct);
            return subscription;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            subscription.Dispose();
            return null;
        }
    }

    /// <summary>A short wait before the log is asked again; false when the stream should end.</summary>
    private static async Task<bool> PauseAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(HeldBackPause, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The log after <paramref name="after"/>; null when the stream should end (stopping, or the database failed: the client resumes).</summary>
    private async Task<EventPage?> BacklogAsync(EventFilter filter, long after, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await dialect.ReadEventsAsync(scope.ServiceProvider.GetRequiredService<RestaurantDbContext>(), after, filter, EventHub.BatchSize, ct);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception exception) when (DbErrors.IsUnavailable(exception))
        {
            logger.LogWarning("A stream could not read the event log ({Cause}); it ends, and its client resumes", DbErrors.Describe(exception));
            return null;
        }
    }

    private enum Next
    {
        Events,
        KeepAlive,
        End,
    }

    private async Task<Next> NextAsync(EventSubscription subscription, HttpResponse response, CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(options.KeepAlive);
        try
        {
            return await subscription.Events.WaitToReadAsync(idle.Token) ? Next.Events : Next.End;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            try
            {
                await response.Body.WriteAsync(KeepAliveComment, ct);
                await response.Body.FlushAsync(ct);
                return Next.KeepAlive;
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
                return Next.End;
            }
        }
        catch (OperationCanceledException)
        {
            return Next.End;
        }
    }
}
