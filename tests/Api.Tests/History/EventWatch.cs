using System.Diagnostics;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.History;

/// <summary>
/// One client's view of an event stream, read in the background: what it received, in order, across the connections
/// it used (a dropped one is resumed with Last-Event-ID, on another node).
/// </summary>
public sealed class WatchedStream(string name, string path)
{
    private readonly List<ReceivedEvent> _events = [];
    private readonly List<int> _nodes = [];
    private readonly List<string> _malformed = [];
    private CancellationTokenSource? _stop;
    private EventStream? _stream;
    private Task _reader = Task.CompletedTask;

    public string Name { get; } = name;

    public string Path { get; } = path;

    /// <summary>The nodes its connections went to, in order.</summary>
    public IReadOnlyList<int> Nodes => _nodes;

    public IReadOnlyList<ReceivedEvent> Events
    {
        get
        {
            lock (_events) return [.. _events];
        }
    }

    /// <summary>What arrived as an event but did not parse as one (id and JSON data), with the node it came from.</summary>
    public IReadOnlyList<string> Malformed
    {
        get
        {
            lock (_malformed) return [.. _malformed];
        }
    }

    public DateTimeOffset LastReceivedAt { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>Connects to <paramref name="node"/>, resuming after the last event received if there is one.</summary>
    public async Task ConnectAsync(HttpClient client, int node)
    {
        var last = Events.LastOrDefault()?.Id;
        _stream = await EventStream.OpenAsync(client, Path, last);
        _nodes.Add(node);
        var stream = _stream;
        _stop = new CancellationTokenSource();
        var stop = _stop.Token;
        _reader = Task.Run(() => stream.ReadAsync(received =>
        {
            lock (_events) _events.Add(received);
            LastReceivedAt = DateTimeOffset.UtcNow;
        }, item =>
        {
            lock (_malformed) _malformed.Add($"node {node}: {item}");
        }, stop));
    }

    /// <summary>Drops the connection (as a phone losing its network does) and waits until its reader has stopped.</summary>
    public async Task DropAsync()
    {
        if (_stop is not null) await _stop.CancelAsync();
        await _reader;
        if (_stream is not null) await _stream.DisposeAsync();
        _stop?.Dispose();
        (_stream, _stop) = (null, null);
    }
}

/// <summary>
/// Issue #15's extension of the history check: streams attached while the workload runs, each to another node than the
/// writers' it follows. Two kitchen streams (staff) open before the workload starts: one stays on one node, the other is
/// dropped mid-run and resumed with Last-Event-ID on a third. Each table's order stream opens on another node than the
/// phone that opened the order, as soon as the order exists; the first of them is dropped and resumed the same way.
/// <see cref="EventStreamChecker"/> judges what they received against the recorded history.
/// </summary>
public sealed class EventWatch : IAsyncDisposable
{
    private const int EventsBeforeDrop = 3;
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LateDuplicates = TimeSpan.FromSeconds(1.5);

    private readonly HttpClient[] _clients;
    private readonly Dictionary<string, WatchedStream> _orders = [];
    private readonly List<WatchedStream> _afresh = [];

    private EventWatch(IReadOnlyList<ApiProcess> nodes)
    {
        Assert.True(nodes.Count >= 3, "The streams are resumed on a third node.");
        _clients = nodes.Select(node => node.Client(RestaurantApi.StaffKey)).ToArray();
        Kitchen = new WatchedStream("the kitchen stream", "/kitchen/events");
        ResumedKitchen = new WatchedStream("the resumed kitchen stream", "/kitchen/events");
    }

    /// <summary>Stays on one node from before the first ticket to the end.</summary>
    public WatchedStream Kitchen { get; }

    /// <summary>Dropped mid-run and resumed on another node: must end with exactly <see cref="Kitchen"/>'s events.</summary>
    public WatchedStream ResumedKitchen { get; }

    /// <summary>Each order's stream, by order id.</summary>
    public IReadOnlyDictionary<string, WatchedStream> Orders => _orders;

    /// <summary>Each order's stream opened afresh at the end (its whole kept history), by order id.</summary>
    public IReadOnlyDictionary<string, WatchedStream> Afresh { get; private set; } = new Dictionary<string, WatchedStream>();

    public IEnumerable<WatchedStream> All => new[] { Kitchen, ResumedKitchen }.Concat(_orders.Values).Concat(_afresh);

    /// <summary>Opens the kitchen streams (without Last-Event-ID they carry only the events to come: before the workload).</summary>
    public static async Task<EventWatch> StartAsync(IReadOnlyList<ApiProcess> nodes)
    {
        var watch = new EventWatch(nodes);
        await watch.Kitchen.ConnectAsync(watch._clients[0], 0);
        await watch.ResumedKitchen.ConnectAsync(watch._clients[1], 1);
        return watch;
    }

    /// <summary>
    /// Beside the workload: opens each order's stream once the order exists, on the node after the opener's, and drops
    /// and resumes the first order stream and the second kitchen stream once they have received a few events.
    /// </summary>
    public async Task FollowAsync(HistoryRecorder recorder, Task workload)
    {
        WatchedStream? firstOrder = null;
        bool orderResumed = false, kitchenResumed = false;
        while (true)
        {
            var done = workload.IsCompleted;
            foreach (var opened in recorder.Exchanges.Where(e => e.Operation == Operation.OpenOrder && e.Status == 201))
            {
                var orderId = opened.Response()["id"].Text();
                if (_orders.ContainsKey(orderId)) continue;
                var stream = new WatchedStream($"the stream of order {orderId} (table {opened.Table})", $"/orders/{orderId}/events");
                var node = (opened.Node + 1) % _clients.Length;
                await stream.ConnectAsync(_clients[node], node);
                _orders.Add(orderId, stream);
                firstOrder ??= stream;
            }
            if (!orderResumed && firstOrder?.Events.Count >= EventsBeforeDrop) orderResumed = await ResumeElsewhereAsync(firstOrder);
            if (!kitchenResumed && ResumedKitchen.Events.Count >= EventsBeforeDrop) kitchenResumed = await ResumeElsewhereAsync(ResumedKitchen);
            if (done) break;
            await Task.Delay(20);
        }
        Assert.True(orderResumed && kitchenResumed, "The workload ended before a stream could be dropped and resumed: give it more work.");
        await workload;
    }

    /// <summary>
    /// After the history was read back: waits until each order's stream has reached the order's final version and the
    /// kitchen streams the feed's last ticket (or until they have been silent a while), a little longer for any late
    /// repeat, and reads each order's stream afresh on another node to its final version.
    /// </summary>
    public async Task DrainAsync(IReadOnlyDictionary<string, long> finalVersions, long lastSequence)
    {
        var afresh = new Dictionary<string, WatchedStream>();
        foreach (var (orderId, stream) in _orders)
        {
            var node = (stream.Nodes[^1] + 1) % _clients.Length;
            var fresh = new WatchedStream($"the stream of order {orderId} read afresh", stream.Path);
            await fresh.ConnectAsync(_clients[node], node);
            afresh.Add(orderId, fresh);
            _afresh.Add(fresh);
        }
        Afresh = afresh;

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < DrainDeadline && !Drained(finalVersions, lastSequence)) await Task.Delay(50);
        await Task.Delay(LateDuplicates);
        foreach (var stream in All) await stream.DropAsync();
    }

    private bool Drained(IReadOnlyDictionary<string, long> finalVersions, long lastSequence)
    {
        var ordersDone = _orders.Concat(Afresh).All(o => o.Value.Events.Any(e => e.Version() >= finalVersions.GetValueOrDefault(o.Key)));
        var kitchenDone = new[] { Kitchen, ResumedKitchen }.All(k =>
            k.Events.Any(e => e.Data["sequence"]?.GetValue<long>() >= lastSequence) || DateTimeOffset.UtcNow - k.LastReceivedAt > Silence);
        return ordersDone && kitchenDone;
    }

    private async Task<bool> ResumeElsewhereAsync(WatchedStream stream)
    {
        await stream.DropAsync();
        var node = (stream.Nodes[^1] + 1) % _clients.Length;
        await stream.ConnectAsync(_clients[node], node);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in All) await stream.DropAsync();
        foreach (var client in _clients) client.Dispose();
    }
}

public static class ReceivedEventVersion
{
    /// <summary>The order's version after the change the event belongs to.</summary>
    public static long Version(this ReceivedEvent received) => received.Data["version"]!.GetValue<long>();
}
