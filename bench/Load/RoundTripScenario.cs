using System.Diagnostics;

namespace Restaurant.Benchmarks.Load;

/// <summary>
/// P6: a table of 4 diners ordering 12 items in two rounds (8, then 4), each round submitted, then billed and paid
/// with 3 card tenders: with the API's coarse calls, and one item per call (the fine-grained design it replaces).
/// </summary>
public static class RoundTripScenario
{
    private const int WarmupTables = 3;
    private static readonly string[] Diners = ["Ann", "Bob", "Cleo", "Dev"];
    private static readonly string[] Mains = ["omelet", "pancakes", "burger", "salad"];
    private static readonly string[] Drinks = ["coffee", "juice", "soda", "tea"];
    private static readonly string[] Extras = ["fries", "cake", "fries", "cake"];

    // The burger's doneness is a required choice on the default menu.
    private static readonly NewLine[][] Rounds =
    [
        [.. Diners.SelectMany((diner, i) => new[] { new NewLine(Mains[i], 1, diner, Mains[i] == "burger" ? ["medium"] : null), new NewLine(Drinks[i], 1, diner) })],
        [.. Diners.Select((diner, i) => new NewLine(Extras[i], 1, diner))],
    ];

    public static async Task RunAsync(BenchOptions options, ScratchDirectory scratch, CancellationToken ct)
    {
        await using var api = await ServerProcess.StartApiAsync(scratch.File("p6.db"), ct);
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        var client = new ApiClient(http);
        var tables = 0;
        var wall = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        var roundTrips = new Dictionary<bool, int>();
        var (payMs, balanceReadMs) = (new List<double>(), new List<double>());

        // Alternated table by table, so that noise from the rest of the machine hits both designs alike.
        for (var i = 0; i < WarmupTables + options.Tables; i++)
            foreach (var fineGrained in new[] { false, true })
            {
                var table = new TimedTable(client, $"p6-{++tables}", ct);
                await table.ServeAsync(fineGrained);
                if (i < WarmupTables) continue;
                wall[fineGrained].Add(table.WallMs);
                roundTrips[fineGrained] = table.RoundTrips;
                payMs.Add(table.PayMs);
                if (fineGrained) balanceReadMs.Add(await table.TimeBalanceReadAsync());
            }

        var coarse = Stats.Median(wall[false]);
        var fine = Stats.Median(wall[true]);
        // The API takes a payment only for the whole balance, so "3 payments, each after reading the balance" cannot
        // run against it: estimated as the fine-grained run plus 2 more payment calls and 1 balance read.
        var estimate = fine + 2 * Stats.Median(payMs) + Stats.Median(balanceReadMs);
        Console.WriteLine("## P6: round trips and wall time for one table (4 diners, 12 items, 2 submits, bill, 3 card tenders)");
        Console.WriteLine();
        Console.WriteLine($"{options.Tables} tables of each design (after {WarmupTables} warm-up tables each), sequential, alternated; " +
            $"simulated card gateway at Payments__SimulatedLatency=0. {Stats.MachineLine()}");
        Console.WriteLine();
        Console.WriteLine("| design | round trips | wall time (median) | p90 | vs ours |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| ours (coarse: 2 item calls, 1 payment call of 3 tenders) | {roundTrips[false]} | {coarse:0.0} ms | {Stats.Percentile(wall[false], 0.9):0.0} ms | 1.00× |");
        Console.WriteLine($"| one item per call (12 item calls), same payment call | {roundTrips[true]} | {fine:0.0} ms | {Stats.Percentile(wall[true], 0.9):0.0} ms | {fine / coarse:0.00}× |");
        Console.WriteLine($"| fine-grained design (estimated: + 2 payment calls + 1 balance read) | {roundTrips[true] + 3} | {estimate:0.0} ms | | {estimate / coarse:0.00}× |");
        Console.WriteLine();
        Console.WriteLine($"Median payment call (3 tenders): {Stats.Median(payMs):0.0} ms; median GET /orders/{{id}} (balance read): {Stats.Median(balanceReadMs):0.0} ms.");
        Console.WriteLine();
    }

    /// <summary>One table served from open to paid, timing the whole and the payment call; every call is a round trip.</summary>
    private sealed class TimedTable(ApiClient client, string table, CancellationToken ct)
    {
        private OpenedOrder order = null!;

        public double WallMs { get; private set; }
        public double PayMs { get; private set; }
        public int RoundTrips { get; private set; }

        public async Task ServeAsync(bool fineGrained)
        {
            // Staff set the table up before the guests arrive: not part of serving them.
            var code = await client.SetUpTableAsync(table, ct);
            var started = Stopwatch.GetTimestamp();
            order = await Call(() => client.OpenOrderAsync(table, code, ct));
            foreach (var round in Rounds)
            {
                var calls = fineGrained ? round.Select(line => new[] { line }) : [round];
                foreach (var lines in calls) await Call(() => client.AddAsync(order.Id, order.AccessToken, lines, ct));
                await Call(() => client.SubmitAsync(order.Id, order.AccessToken, ct));
            }
            var bill = await Call(() => client.BillAsync(order.Id, order.AccessToken, ct));
            var paying = Stopwatch.GetTimestamp();
            await Call(() => client.PayAsync(order.Id, order.AccessToken, bill.Total, 3, "card", ct));
            PayMs = Stopwatch.GetElapsedTime(paying).TotalMilliseconds;
            WallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        public async Task<double> TimeBalanceReadAsync()
        {
            var started = Stopwatch.GetTimestamp();
            await client.GetOrderAsync(order.Id, order.AccessToken, ct);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        private async Task<T> Call<T>(Func<Task<T>> call)
        {
            RoundTrips++;
            return await call();
        }
    }
}
