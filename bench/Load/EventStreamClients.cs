using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Restaurant.Benchmarks.Load;

/// <summary>
/// Open SSE streams on one node (order streams with diner tokens, kitchen streams with the staff key), each read line by
/// line; every event that arrives is handed to the current <see cref="LatencyProbe"/>, if any.
/// </summary>
public sealed class EventStreamClients : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> readers = [];
    private LatencyProbe? probe;
    private int failed;
    private string? firstFailure;

    public EventStreamClients(Uri node) =>
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = node,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    public int Open => readers.Count - failed;

    public string? FirstFailure => firstFailure;

    /// <summary>Where arrivals go from now on (null: nowhere).</summary>
    public LatencyProbe? Probe
    {
        set => Volatile.Write(ref probe, value);
    }

    /// <summary>Opens one stream and returns once its headers arrived (the server has subscribed it).</summary>
    public async Task OpenAsync(string path, string token, CancellationToken ct)
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        readers.Add(Task.Run(() => ReadAsync(path, token, opened), CancellationToken.None));
        await opened.Task.WaitAsync(ct);
    }

    private async Task ReadAsync(string path, string token, TaskCompletionSource opened)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            opened.TrySetResult();
            using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            string? data = null;
            while (await lines.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.StartsWith("data:", StringComparison.Ordinal)) data = line[5..].TrimStart();
                else if (line.Length == 0 && data is not null)
                {
                    var arrived = Stopwatch.GetTimestamp();
                    var now = DateTime.UtcNow;
                    Volatile.Read(ref probe)?.Arrived(data, arrived, now, path.StartsWith("/kitchen", StringComparison.Ordinal));
                    data = null;
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            if (stop.IsCancellationRequested) return;
            Interlocked.Increment(ref failed);
            Interlocked.CompareExchange(ref firstFailure, exception.Message, null);
            opened.TrySetException(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        http.Dispose();
        stop.Dispose();
    }
}

/// <summary>
/// One phase's writes (their 2xx answers' times, by order and version) and the events that arrived on the streams; read
/// afterwards: the latency from the write's answer to each arrival of its events, and from the event's <c>at</c>.
/// </summary>
public sealed class LatencyProbe
{
    private readonly ConcurrentDictionary<(string OrderId, long Version), long> writes = new();
    private readonly ConcurrentQueue<(string OrderId, long Version, long Arrived, double FromAtMs)> arrivals = new();

    public void Answered(string orderId, long version, long timestamp) => writes[(orderId, version)] = timestamp;

    public void Arrived(string data, long timestamp, DateTime now, bool kitchen)
    {
        using var json = JsonDocument.Parse(data);
        var root = json.RootElement;
        var at = DateTime.Parse(root.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        arrivals.Enqueue((root.GetProperty("orderId").GetString()!, root.GetProperty("version").GetInt64(), timestamp, (now - at).TotalMilliseconds));
    }

    /// <summary>Latencies (ms) of the arrivals of this phase's writes, from the answer and from <c>at</c>; the writes, and those seen on some stream.</summary>
    public (List<double> FromAnswer, List<double> FromAt, int Writes, int WritesSeen) Read()
    {
        var fromAnswer = new List<double>();
        var fromAt = new List<double>();
        var seen = new HashSet<(string, long)>();
        foreach (var (orderId, version, arrived, fromAtMs) in arrivals)
        {
            if (!writes.TryGetValue((orderId, version), out var write)) continue;
            seen.Add((orderId, version));
            fromAnswer.Add(Stopwatch.GetElapsedTime(write, arrived).TotalMilliseconds);
            fromAt.Add(fromAtMs);
        }
        return (fromAnswer, fromAt, writes.Count, seen.Count);
    }
}
