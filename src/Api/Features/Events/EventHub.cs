using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Events;

/// <summary>
/// The one reader of the event log on this node: it reads each new batch once and hands it to every open stream that
/// wants it, so 500 open streams cost one query per batch, not 500 pollers. It reads when this node commits events
/// (<see cref="EventSignal"/>), when the database says another node did (PostgreSQL's LISTEN, one connection per node),
/// and every <see cref="EventOptions.PollInterval"/> as the safety net (and for SQLite's other processes); sooner while
/// committed events wait behind an older transaction (<see cref="EventPage.HeldBack"/>). A node with no open stream
/// reads nothing (the writes of a busy restaurant would otherwise cost every node a read per commit for nobody); the
/// first stream to open on it then finds where the log ends before it joins.
/// </summary>
public sealed class EventHub(IServiceScopeFactory scopes, IDatabaseDialect dialect, EventSignal signal, EventOptions options, ILogger<EventHub> logger)
    : BackgroundService
{
    public const int BatchSize = 500;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<EventSubscription>> _byOrder = [];
    private readonly List<EventSubscription> _kitchen = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;
    private bool _stale;
    private int _subscribers;

    /// <summary>How many times this node has read the log (for the benchmark's query counts).</summary>
    public long Reads => Interlocked.Read(ref _reads);
    private long _reads;

    public async Task<EventSubscription> SubscribeAsync(EventFilter filter, CancellationToken ct)
    {
        await _ready.Task.WaitAsync(ct);
        while (true)
        {
            // The reader skipped reads while no stream was open: find where the log ends now (the events before it
            // were for nobody; a stream resuming with Last-Event-ID reads its backlog from the log itself).
            long? end = null;
            bool stale;
            lock (_gate) stale = _stale;
            if (stale)
            {
                await using var scope = scopes.CreateAsyncScope();
                end = await dialect.EventHorizonAsync(scope.ServiceProvider.GetRequiredService<RestaurantDbContext>(), ct);
            }
            lock (_gate)
            {
                if (_stale)
                {
                    // Gone idle between the look and now: look again.
                    if (end is not { } horizon) continue;
                    _position = Math.Max(_position, horizon);
                    _stale = false;
                }
                return Register(filter);
            }
        }
    }

    /// <summary>Under the gate: the stream joins after the position the reader has handed out.</summary>
    private EventSubscription Register(EventFilter filter)
    {
        _subscribers++;
        var subscription = new EventSubscription(this, filter, _position);
        if (filter.OrderId is { } orderId)
        {
            if (!_byOrder.TryGetValue(orderId, out var list)) _byOrder[orderId] = list = [];
            list.Add(subscription);
        }
        else
        {
            _kitchen.Add(subscription);
        }
        return subscription;
    }

    internal void Unsubscribe(EventSubscription subscription)
    {
        lock (_gate)
        {
            bool removed;
            if (subscription.Filter.OrderId is { } orderId && _byOrder.TryGetValue(orderId, out var list))
            {
                removed = list.Remove(subscription);
                if (list.Count == 0) _byOrder.Remove(orderId);
            }
            else
            {
                removed = _kitchen.Remove(subscription);
            }
            if (removed) _subscribers--;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RestaurantDbContext>();
                connectionString = db.Database.GetConnectionString() ?? "";
                _position = await dialect.EventHorizonAsync(db, stoppingToken);
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning("Finding where the event log ends failed ({Cause}); trying again", exception.Message);
                await Task.Delay(options.PollInterval, stoppingToken);
            }
        }
        _ready.TrySetResult();

        var listening = dialect.ListenForEventsAsync(connectionString, signal.Set, logger, stoppingToken);
        var wait = options.PollInterval;
        var failing = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await signal.WaitAsync(wait, stoppingToken);
                try
                {
                    var heldBack = await ReadNewAsync(stoppingToken);
                    wait = heldBack ? Min(wait == options.PollInterval ? FirstRetry : wait * 2, options.PollInterval) : options.PollInterval;
                    if (failing) logger.LogInformation("Reading the event log works again");
                    failing = false;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Streams stay open through a database outage, and get what they missed once it is back.
                    if (!failing) logger.LogWarning("Reading the event log failed ({Cause}); trying again", exception.Message);
                    failing = true;
                    wait = options.PollInterval;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            EndAll();
            await listening;
        }
    }

    /// <summary>Every event since the last read, batch by batch; true when committed events wait behind an older transaction.</summary>
    private async Task<bool> ReadNewAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_subscribers == 0)
            {
                _stale = true;
                return false;
            }
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RestaurantDbContext>();
        while (true)
        {
            Interlocked.Increment(ref _reads);
            var page = await dialect.ReadEventsAsync(db, _position, EventFilter.All, BatchSize, ct);
            if (page.Events.Count > 0) Deliver(page.Events);
            if (page.Events.Count < BatchSize) return page.HeldBack;
        }
    }

    private void Deliver(IReadOnlyList<StoredEvent> events)
    {
        lock (_gate)
        {
            foreach (var stored in events)
            {
                if (_byOrder.TryGetValue(stored.OrderId, out var readers))
                    foreach (var reader in readers) reader.Offer(stored);
                if (stored.Kitchen)
                    foreach (var reader in _kitchen) reader.Offer(stored);
            }
            // Under the lock: a stream that joins now gets exactly the events after these.
            _position = events[^1].Position;
        }
    }

    private void EndAll()
    {
        lock (_gate)
        {
            foreach (var reader in _byOrder.Values.SelectMany(list => list).Concat(_kitchen)) reader.End();
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
