using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Restaurant.Benchmarks.Load;

/// <summary>
/// Issue 10's goal: another table's additions keep their latency while the hardest bills are priced. The menu gets a
/// symmetric family of "two of the same coffee" bundles (the shape that once made a bill run for minutes), tables hold
/// 199 of that coffee each, and while 16 other tables add items a biller bills those tables one after another. The same
/// additions run once without the biller; the table compares their p99 side by side.
/// </summary>
public static class BillStallScenario
{
    private const int HardBundles = 12;
    private const int HardUnits = 199;
    private const int AddingTables = 16;

    public static async Task RunAsync(BenchOptions options, ScratchDirectory scratch, CancellationToken ct)
    {
        Console.WriteLine($"## Bill stall: additions on {AddingTables} tables while {HardUnits}-unit bills on {HardBundles} symmetric bundles are priced");
        Console.WriteLine();
        Console.WriteLine($"{options.Warmup.TotalSeconds:0} s warm-up, {options.Measure.TotalSeconds:0} s measured, each side on a fresh server and SQLite file. {Stats.MachineLine()}");
        Console.WriteLine();
        Console.WriteLine("| run | additions/s | p50 | p99 | errors | bills priced | bill p50 | bill max |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var billing in new[] { false, true })
        {
            await using var server = await ServerProcess.StartApiAsync(scratch.File($"stall-{Guid.NewGuid():N}.db"), ct);
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            var client = new ApiClient(http);
            await PublishHardMenuAsync(http, ct);
            var hardOrders = new List<OpenedOrder>();
            if (billing)
                for (var table = 0; table < 64; table++) hardOrders.Add(await HardOrderAsync(client, $"hard{table}", ct));

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var bills = new List<double>();
            var biller = billing ? BillAllAsync(client, hardOrders, bills, stop.Token) : Task.CompletedTask;
            var load = await new AdditionLoad([server.BaseAddress], new ApiDesk(client), AddingTables, AddingTables)
                .RunAsync(options.Warmup, options.Measure, ct);
            await stop.CancelAsync();
            await biller;
            Console.WriteLine($"| {(billing ? "while billing" : "no bills")} | {load.AdditionsPerSecond:N0} | {load.P50Ms:0.0} ms | {load.P99Ms:0.0} ms | " +
                $"{load.Errors} | {bills.Count} | {(bills.Count == 0 ? "-" : $"{Stats.Percentile(bills, 0.5):0.0} ms")} | " +
                $"{(bills.Count == 0 ? "-" : $"{bills.Max():0.0} ms")} |");
        }
        Console.WriteLine();
    }

    private static async Task PublishHardMenuAsync(HttpClient http, CancellationToken ct)
    {
        var menu = (await http.GetFromJsonAsync<JsonObject>("/menu", ct))!;
        var put = new JsonObject
        {
            ["currency"] = menu["currency"]!.DeepClone(),
            ["taxRate"] = menu["taxRate"]!.DeepClone(),
            ["items"] = menu["items"]!.DeepClone(),
            ["bundles"] = menu["bundles"]!.DeepClone(),
        };
        put["items"]!.AsArray().Add(new JsonObject { ["id"] = "xcoffee", ["name"] = "Extra coffee", ["category"] = "drinks", ["price"] = 3.00m });
        for (var b = 0; b < HardBundles; b++)
            put["bundles"]!.AsArray().Add(new JsonObject
            {
                ["id"] = $"pair{b}",
                ["name"] = $"Two coffees deal {b}",
                ["price"] = 5.00m + b / 100m,
                ["slots"] = new JsonArray(new JsonArray("xcoffee"), new JsonArray("xcoffee")),
            });
        using var request = new HttpRequestMessage(HttpMethod.Put, "/menu") { Content = JsonContent.Create(put) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.StaffKey);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"PUT /menu answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }

    private static async Task<OpenedOrder> HardOrderAsync(ApiClient client, string table, CancellationToken ct)
    {
        var order = await client.OpenTableAsync(table, ct);
        for (var left = HardUnits; left > 0; left -= 50)
            await client.AddAsync(order.Id, order.AccessToken, [new NewLine("xcoffee", Math.Min(50, left))], ct);
        await client.SubmitAsync(order.Id, order.AccessToken, ct);
        return order;
    }

    private static async Task BillAllAsync(ApiClient client, List<OpenedOrder> orders, List<double> latencies, CancellationToken ct)
    {
        try
        {
            foreach (var order in orders)
            {
                var started = Stopwatch.GetTimestamp();
                await client.BillAsync(order.Id, order.AccessToken, ct);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
