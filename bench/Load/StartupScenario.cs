using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Restaurant.Benchmarks.Load;

/// <summary>
/// P5: with N past (paid) orders in the database, the time from process start to the first 200 on /health/ready, and
/// the p50 of GET /orders/{id} (a random past order), POST …/items and POST …/bill (on a fresh order, set up untimed),
/// one call at a time. Then the SQL the API runs on start-up and on these paths, with its query plans.
/// </summary>
public static class StartupScenario
{
    private const int StartupRuns = 3;
    private const int WarmupCalls = 20;
    private static readonly NewLine[] ThreeItems = [new("omelet", 1, "Ann"), new("coffee", 1, "Ann"), new("juice", 1, "Bob")];

    private sealed record SizeResult(int Orders, string Seeded, double FileMb, List<double> StartupMs, List<double> GetMs, List<double> ItemsMs, List<double> BillMs);

    public static async Task RunAsync(BenchOptions options, ScratchDirectory scratch, CancellationToken ct)
    {
        var directory = options.SeedDirectory ?? scratch.Path;
        Directory.CreateDirectory(directory);
        var results = new List<SizeResult>();
        foreach (var size in options.Sizes)
        {
            var database = Path.Combine(directory, $"orders-{size}.db");
            var seeded = "reused";
            if (!File.Exists(database))
            {
                var seeding = Stopwatch.StartNew();
                // Seeded under another name, so that an interrupted load is never mistaken for a finished one and reused.
                var partial = database + ".seeding";
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(partial + suffix);
                await PastOrderLoader.LoadAsync(partial, size, message => Console.Error.WriteLine($"seeding {size:N0}: {message}"), ct);
                SqliteConnection.ClearAllPools();
                File.Move(partial, database);
                seeded = $"{seeding.Elapsed.TotalSeconds:0} s";
            }
            var pastOrders = RandomOrderIds(database, options.Samples + WarmupCalls);
            var startups = new List<double>();
            for (var run = 0; run < StartupRuns; run++)
            {
                await using var api = await ServerProcess.StartApiAsync(database, ct);
                startups.Add(api.TimeToReady.TotalMilliseconds);
            }
            var (get, items, bill) = await TimeCallsAsync(database, pastOrders, options.Samples, ct);
            results.Add(new SizeResult(size, seeded, new FileInfo(database).Length / 1e6, startups, get, items, bill));
        }
        Print(results, options);
        await QueryPlans.CaptureAndExplainAsync(Path.Combine(directory, $"orders-{options.Sizes.Max()}.db"), options.Sizes.Max(), ct);
    }

    /// <summary>Interleaved, one call at a time: GET a past order (staff key); open, add (timed), submit, bill (timed).</summary>
    private static async Task<(List<double> Get, List<double> Items, List<double> Bill)> TimeCallsAsync(
        string database, IReadOnlyList<string> pastOrders, int samples, CancellationToken ct)
    {
        await using var api = await ServerProcess.StartApiAsync(database, ct);
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        var client = new ApiClient(http);
        var run = Guid.NewGuid().ToString("N")[..8];
        var (get, items, bill) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < WarmupCalls + samples; i++)
        {
            var getMs = await TimeAsync(() => client.GetOrderAsync(pastOrders[i], ServerProcess.StaffKey, ct));
            var order = await client.OpenTableAsync($"p5-{run}-{i}", ct);
            var itemsMs = await TimeAsync(() => client.AddAsync(order.Id, order.AccessToken, ThreeItems, ct));
            await client.SubmitAsync(order.Id, order.AccessToken, ct);
            var billMs = await TimeAsync(() => client.BillAsync(order.Id, order.AccessToken, ct));
            if (i < WarmupCalls) continue;
            get.Add(getMs);
            items.Add(itemsMs);
            bill.Add(billMs);
        }
        return (get, items, bill);
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static List<string> RandomOrderIds(string database, int count)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "Orders" WHERE "Status" = 'Paid' ORDER BY random() LIMIT $count""";
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    private static void Print(List<SizeResult> results, BenchOptions options)
    {
        Console.WriteLine("## P5: start-up and single-call latency with past orders in the database");
        Console.WriteLine();
        Console.WriteLine($"Start-up: process start to the first 200 on /health/ready, median of {StartupRuns}. Calls: p50 of {options.Samples} " +
            $"each (after {WarmupCalls} warm-up), one at a time, interleaved; GET with the staff key, items (3 lines) and bill with " +
            $"the order's token on fresh orders. {Stats.MachineLine()}");
        Console.WriteLine();
        Console.WriteLine("| past orders | file | seeded in | start-up (runs) | GET /orders/{id} p50 (p90) | POST …/items p50 (p90) | POST …/bill p50 (p90) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
            Console.WriteLine($"| {r.Orders:N0} | {r.FileMb:N0} MB | {r.Seeded} | {Stats.Median(r.StartupMs):N0} ms ({string.Join(", ", r.StartupMs.Select(ms => ms.ToString("N0")))}) | " +
                $"{Cell(r.GetMs)} | {Cell(r.ItemsMs)} | {Cell(r.BillMs)} |");
        if (results.Count >= 2)
        {
            var (small, large) = (results[0], results[^1]);
            var ratios = new[]
            {
                ("start-up", Stats.Median(large.StartupMs) / Stats.Median(small.StartupMs)),
                ("GET", Stats.Median(large.GetMs) / Stats.Median(small.GetMs)),
                ("items", Stats.Median(large.ItemsMs) / Stats.Median(small.ItemsMs)),
                ("bill", Stats.Median(large.BillMs) / Stats.Median(small.BillMs)),
            };
            Console.WriteLine($"| ratio {large.Orders:N0} / {small.Orders:N0} | | | {string.Join(" | ", ratios.Select(r => $"{r.Item2:0.00}× ({(r.Item2 <= 1.2 ? "met" : "**not met**")})"))} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Goal: every {options.Sizes.Max():N0} figure within 1.2× of the {options.Sizes.Min():N0} one. {Stats.LoadAverage()} at the end.");
        Console.WriteLine();
    }

    private static string Cell(List<double> ms) => $"{Stats.Median(ms):0.00} ms ({Stats.Percentile(ms, 0.9):0.00})";
}
