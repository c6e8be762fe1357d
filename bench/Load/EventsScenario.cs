using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Restaurant.Benchmarks.Load;

/// <summary>
/// Issue 15's streams against polling, on 3 API nodes on one PostgreSQL database: 100 orders of 10 lines; N order
/// streams (N/100 phones a table) and 4 kitchen streams open on node 2. Phases, each measured for --measure seconds:
/// idle without streams; idle with them; 10 writes/s on node 1 (an addition, then its submit: a ticket) with the latency
/// to the streams on node 2; P2's hot table (32 diners on one order) on nodes 1 and 3 beside those writes; then the
/// streams closed and N phones polling GET /orders/{id} every 2 s on node 2, without and with If-None-Match.
/// </summary>
public static class EventsScenario
{
    private const int Orders = 100;
    private const int LinesPerOrder = 10;
    private const int KitchenStreams = 4;
    private static readonly TimeSpan PhoneInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    private sealed record Row(string Phase, double StreamNodeCpu, double AllCpu, double? Statements, double? EventReads, double Transactions,
        string Notes, string Load);

    private sealed record Snapshot(long Timestamp, TimeSpan StreamNodeCpu, TimeSpan AllCpu, QueryCounts Counts);

    public static async Task RunAsync(BenchOptions options, CancellationToken ct)
    {
        var server = options.Postgres ?? throw new ArgumentException("events needs --postgres: the nodes share one PostgreSQL database.");
        var name = $"events_{Guid.NewGuid():N}";
        await using var database = await PostgresDatabase.CreateAsync(server, name, ct);
        var counter = await QueryCounter.CreateAsync(server, name, ct);
        await using var nodes = await ApiNodes.StartAsync(3, "postgres", $"{server};Database={name}", options.Api, ct);
        using var http = new HttpClient { BaseAddress = nodes[0].BaseAddress };
        var client = new ApiClient(http);
        var orders = new List<OpenOrder>();
        for (var i = 0; i < Orders; i++)
        {
            var order = await client.OpenTableAsync($"e{i}", ct);
            await client.AddAsync(order.Id, order.AccessToken, Enumerable.Range(0, LinesPerOrder).Select(_ => new NewLine("tea", 1)), ct);
            orders.Add(new OpenOrder(order.Id, order.AccessToken));
        }
        var phones = Enumerable.Range(0, options.Streams).Select(i => orders[i % Orders]).ToList();
        using var writer = new ProbeWriter(nodes[0].BaseAddress, orders);
        async Task<Snapshot> TakeAsync() => new(Stopwatch.GetTimestamp(), nodes[1].CpuTime, nodes.CpuTime, await counter.ReadAsync(ct));
        async Task<Row> MeasureAsync(string phase, string notes = "")
        {
            var start = await TakeAsync();
            await Task.Delay(options.Measure, ct);
            var end = await TakeAsync();
            var seconds = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
            var counts = end.Counts - start.Counts;
            return new Row(phase, (end.StreamNodeCpu - start.StreamNodeCpu).TotalMilliseconds / seconds,
                (end.AllCpu - start.AllCpu).TotalMilliseconds / seconds, counts.Statements / seconds, counts.EventReads / seconds,
                counts.Transactions / seconds, notes, Stats.LoadAverage());
        }

        var rows = new List<Row>();
        var latencies = new List<(string Phase, LatencyProbe Probe)>();
        await Task.Delay(Settle, ct);
        rows.Add(await MeasureAsync("idle, no stream open"));
        await using (var streams = new EventStreamClients(nodes[1].BaseAddress))
        {
            foreach (var phone in phones) await streams.OpenAsync($"/orders/{phone.Id}/events", phone.Token, ct);
            for (var i = 0; i < KitchenStreams; i++) await streams.OpenAsync("/kitchen/events", ServerProcess.StaffKey, ct);
            await Task.Delay(Settle, ct);
            rows.Add(await MeasureAsync($"idle, {streams.Open} streams open"));

            var quiet = new LatencyProbe();
            streams.Probe = quiet;
            using (var writing = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var writes = writer.RunAsync(quiet, writing.Token);
                rows.Add(await MeasureAsync($"{streams.Open} streams, 10 writes/s on node 1"));
                await writing.CancelAsync();
                await writes;
            }
            await Task.Delay(Settle, ct);
            latencies.Add(("10 writes/s", quiet));

            var loaded = new LatencyProbe();
            streams.Probe = loaded;
            var hot = new AdditionLoad([nodes[0].BaseAddress, nodes[2].BaseAddress], new ApiDesk(client), 32, 1, options.Answers[0] == "minimal")
                .RunAsync(options.Warmup, options.Measure, ct);
            await Task.Delay(options.Warmup, ct);
            Row row;
            using (var writing = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var writes = writer.RunAsync(loaded, writing.Token);
                row = await MeasureAsync($"{streams.Open} streams, 10 writes/s + P2 hot table on nodes 1 and 3");
                await writing.CancelAsync();
                await writes;
            }
            var load = await hot;
            rows.Add(row with { Notes = $"hot table: {load.AdditionsPerSecond:N0} additions/s, p50 {load.P50Ms:0} ms, {load.Errors} errors" });
            await Task.Delay(Settle, ct);
            latencies.Add(("10 writes/s + P2 hot table", loaded));
            streams.Probe = null;
            if (streams.FirstFailure is { } failure) Console.Error.WriteLine($"A stream failed: {failure}");
        }

        var polls = new List<(string Mode, PollResult Result)>();
        foreach (var conditional in new[] { false, true })
        {
            var pollers = new PollingPhones(nodes[1].BaseAddress, phones, PhoneInterval, conditional);
            using var polling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var run = pollers.RunAsync(polling.Token);
            // Two rounds first: every phone holds an ETag before the window.
            await Task.Delay(2 * PhoneInterval + Settle, ct);
            pollers.Recording = true;
            var mode = conditional ? "with If-None-Match" : "without If-None-Match";
            var row = await MeasureAsync($"{phones.Count} phones polling every 2 s, {mode}, nothing changing");
            pollers.Recording = false;
            await polling.CancelAsync();
            await run;
            var result = pollers.Result();
            polls.Add((mode, result));
            rows.Add(row with { Notes = $"{result.Requests / options.Measure.TotalSeconds:N0} GET/s, {result.NotModified} × 304" });
        }
        Print(options, counter, rows, latencies, polls);
    }

    private static void Print(BenchOptions options, QueryCounter counter, List<Row> rows, List<(string Phase, LatencyProbe Probe)> latencies,
        List<(string Mode, PollResult Result)> polls)
    {
        Console.WriteLine($"## Events: {options.Streams} streams against {options.Streams} polling phones, 3 API nodes on one PostgreSQL database");
        Console.WriteLine();
        Console.WriteLine($"{Orders} orders of {LinesPerOrder} lines; streams and phones on node 2 ({options.Streams / Orders} an order, plus {KitchenStreams} " +
            $"kitchen streams); writes on node 1. Each phase {options.Measure.TotalSeconds:0} s. {Stats.MachineLine()}");
        Console.WriteLine();
        var statements = counter.CountsStatements ? "" : " (pg_stat_statements not loaded: statements not counted)";
        Console.WriteLine($"CPU in ms per second (1,000 = one core); database counts per second{statements}.");
        Console.WriteLine();
        Console.WriteLine("| phase | node 2 CPU | 3 nodes' CPU | statements/s | event-log reads/s | transactions/s | notes | load average |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var r in rows)
            Console.WriteLine($"| {r.Phase} | {r.StreamNodeCpu:N0} | {r.AllCpu:N0} | {r.Statements:N1} | {r.EventReads:N1} | {r.Transactions:N1} | {r.Notes} | {r.Load} |");
        Console.WriteLine();
        Console.WriteLine("Latency from a write on node 1 to its events on node 2's streams: from the write's 2xx answer at the client, and from the event's `at` (the server's clock, before its commit).");
        Console.WriteLine();
        Console.WriteLine("| writes | writes | seen on a stream | arrivals | p50 from answer | p99 from answer | p50 from `at` | p99 from `at` |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (phase, probe) in latencies)
        {
            var (fromAnswer, fromAt, writes, seen) = probe.Read();
            Console.WriteLine($"| {phase} | {writes} | {seen} | {fromAnswer.Count} | {Stats.Percentile(fromAnswer, 0.5):0.0} ms | " +
                $"{Stats.Percentile(fromAnswer, 0.99):0.0} ms | {Stats.Percentile(fromAt, 0.5):0.0} ms | {Stats.Percentile(fromAt, 0.99):0.0} ms |");
        }
        Console.WriteLine();
        Console.WriteLine("| polling | answers | 304 | errors | p50 | p99 | bytes/answer |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (mode, p) in polls)
            Console.WriteLine($"| {mode} | {p.Requests} | {p.NotModified} | {p.Errors} | {p.P50Ms:0.0} ms | {p.P99Ms:0.0} ms | {p.BytesPerAnswer:N0} |");
        Console.WriteLine();
    }

    /// <summary>
    /// One write every 100 ms on node 1, taking turns over the orders: an addition (one coffee, minimal answer), then that
    /// order's submit (a ticket for the kitchen's streams); each write's version and its answer's time go to the probe.
    /// </summary>
    private sealed class ProbeWriter(Uri node, IReadOnlyList<OpenOrder> orders) : IDisposable
    {
        private static readonly byte[] OneCoffee = Encoding.UTF8.GetBytes("""{"add":[{"menuItemId":"coffee","quantity":1}]}""");
        private readonly HttpClient http = new() { BaseAddress = node };
        private readonly Dictionary<string, long> versions = [];
        private int next;

        public void Dispose() => http.Dispose();

        public async Task RunAsync(LatencyProbe probe, CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                for (var write = 0; ; write++)
                {
                    var due = ProbeInterval * write - Stopwatch.GetElapsedTime(start);
                    if (due > TimeSpan.Zero) await Task.Delay(due, ct);
                    var k = next++;
                    var order = orders[k / 2 % orders.Count];
                    var adding = k % 2 == 0;
                    using var request = new HttpRequestMessage(HttpMethod.Post, adding ? $"/orders/{order.Id}/items" : $"/orders/{order.Id}/submit")
                    {
                        Content = new ByteArrayContent(adding ? OneCoffee : "{}"u8.ToArray()),
                    };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", order.Token);
                    request.Headers.TryAddWithoutValidation("Prefer", "return=minimal");
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    var answered = Stopwatch.GetTimestamp();
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{request.RequestUri} answered {(int)response.StatusCode}: {body}");
                    using var json = JsonDocument.Parse(body);
                    // A submit answers its ticket without the order's version: it is the addition's plus one (nothing else
                    // writes to these orders, and each change bumps the version once).
                    var version = json.RootElement.TryGetProperty("version", out var v) ? v.GetInt64() : versions[order.Id] + 1;
                    versions[order.Id] = version;
                    probe.Answered(order.Id, version, answered);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
        }
    }
}
