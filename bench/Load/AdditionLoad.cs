using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Restaurant.Benchmarks.Load;

public sealed record LoadResult(
    string Server, int Connections, int Tables, double AdditionsPerSecond, double P50Ms, double P99Ms,
    int Errors, string? FirstError, int OrdersClosed, int CloseCalls, double ResponseBytes, double CpuMsPerAddition);

/// <summary>
/// Item additions (one coffee each) over <c>connections</c> keep-alive HTTP/1.1 connections, each looping requests
/// back to back on table <c>connection % tables</c>: a warm-up, then a measured window. Only additions started in the
/// window count; orders closed and opened in between (when one is full) are reported, not counted. With several
/// servers (API nodes on one database) connection <c>i</c> goes to server <c>i % servers</c>.
/// </summary>
/// <param name="minimal">Whether each addition asks for the minimal answer (<c>Prefer: return=minimal</c>).</param>
/// <param name="capacity">Additions each order takes before the next one opens.</param>
/// <param name="serverCpu">The server's CPU time so far, read at the window's start and end.</param>
/// <param name="submitEach">Submit after every addition (the kitchen gets a ticket each time): one timed pair of calls.</param>
public sealed class AdditionLoad(IReadOnlyList<Uri> servers, IOrderDesk desk, int connections, int tables, bool minimal = false,
    int capacity = SharedOrder.DefaultCapacity, Func<TimeSpan>? serverCpu = null, bool submitEach = false)
{
    private static readonly byte[] OneCoffee = Encoding.UTF8.GetBytes("""{"add":[{"menuItemId":"coffee","quantity":1}]}""");
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly List<double> latenciesMs = [];
    private int errors;
    private int ordersClosed;
    private long responseBytes;
    private string? firstError;

    public async Task<LoadResult> RunAsync(TimeSpan warmup, TimeSpan measure, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var clients = servers.Select(server => new HttpClient(handler, disposeHandler: false) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) }).ToList();
        var current = new SharedOrder[tables];
        for (var table = 0; table < tables; table++) current[table] = new SharedOrder(await desk.OpenAsync(table, ct), capacity);

        var clock = Stopwatch.StartNew();
        var window = (Start: warmup, End: warmup + measure);
        var cpu = MeasureCpuAsync(clock, window, ct);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(connection =>
            Task.Run(() => ConnectionAsync(clients[connection % clients.Count], current, connection % tables, clock, window, ct), ct)));
        var cpuInWindow = await cpu;
        foreach (var client in clients) client.Dispose();

        // Only successful additions have a latency here.
        return new LoadResult(desk.Name, connections, tables, latenciesMs.Count / measure.TotalSeconds,
            Stats.Percentile(latenciesMs, 0.5), Stats.Percentile(latenciesMs, 0.99),
            errors, firstError, ordersClosed, ordersClosed * desk.CallsToClose,
            latenciesMs.Count == 0 ? 0 : (double)responseBytes / latenciesMs.Count,
            latenciesMs.Count == 0 ? 0 : cpuInWindow.TotalMilliseconds / latenciesMs.Count);
    }

    /// <summary>The server's CPU time within the measured window (orders closed in it included, as they are in its work).</summary>
    private async Task<TimeSpan> MeasureCpuAsync(Stopwatch clock, (TimeSpan Start, TimeSpan End) window, CancellationToken ct)
    {
        if (serverCpu is null) return TimeSpan.Zero;
        await Task.Delay(window.Start - clock.Elapsed, ct);
        var start = serverCpu();
        await Task.Delay(window.End - clock.Elapsed, ct);
        return serverCpu() - start;
    }

    private async Task ConnectionAsync(HttpClient http, SharedOrder[] current, int table, Stopwatch clock,
        (TimeSpan Start, TimeSpan End) window, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var mine = new List<double>();
        var (myErrors, myBytes) = (0, 0L);
        while (clock.Elapsed < window.End)
        {
            var order = Volatile.Read(ref current[table]);
            if (!order.TryReserve(out var mustRollOver))
            {
                var next = await order.NextAsync(mustRollOver, desk, table, ct);
                if (mustRollOver)
                {
                    Interlocked.Increment(ref ordersClosed);
                    Volatile.Write(ref current[table], next);
                }
                continue;
            }
            var started = clock.Elapsed;
            var (ok, bytes, error) = await AddOneCoffeeAsync(http, order.Order, buffer, ct);
            if (ok && submitEach) (ok, bytes, error) = await SendAsync(http, order.Order, $"/orders/{order.Order.Id}/submit", EmptyObject, buffer, ct);
            var elapsedMs = (clock.Elapsed - started).TotalMilliseconds;
            order.Finished();
            if (started < window.Start) continue;
            if (ok)
            {
                mine.Add(elapsedMs);
                myBytes += bytes;
            }
            else
            {
                myErrors++;
                Interlocked.CompareExchange(ref firstError, error, null);
            }
        }
        lock (latenciesMs) latenciesMs.AddRange(mine);
        Interlocked.Add(ref errors, myErrors);
        Interlocked.Add(ref responseBytes, myBytes);
    }

    private Task<(bool Ok, long Bytes, string? Error)> AddOneCoffeeAsync(HttpClient http, OpenOrder order, byte[] buffer, CancellationToken ct) =>
        SendAsync(http, order, $"/orders/{order.Id}/items", OneCoffee, buffer, ct);

    private async Task<(bool Ok, long Bytes, string? Error)> SendAsync(HttpClient http, OpenOrder order, string path, byte[] content,
        byte[] buffer, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
        if (minimal) request.Headers.TryAddWithoutValidation("Prefer", "return=minimal");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", order.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            long bytes = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0) bytes += read;
            return response.IsSuccessStatusCode
                ? (true, bytes, null)
                : (false, bytes, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(buffer, 0, (int)Math.Min(bytes, 300))}");
        }
        catch (HttpRequestException exception)
        {
            return (false, 0, exception.Message);
        }
    }
}
