using System.Diagnostics;

namespace Restaurant.Benchmarks.Load;

/// <summary>
/// Issue #4's benchmark: the latency of one payment call with 1 and with 3 card tenders while the simulated gateway
/// takes --gateway-ms per charge. Cards of one call are charged in parallel, so 3 tenders should cost under 1.5× one.
/// Only the payment call is timed; the two kinds alternate, so the machine's noise hits both alike.
/// </summary>
public static class PaymentLatencyScenario
{
    private const int WarmupCallsPerKind = 10;
    private const double Goal = 1.5;
    private static readonly int[] TenderCounts = [1, 3];

    public static async Task RunAsync(BenchOptions options, ScratchDirectory scratch, CancellationToken ct)
    {
        var latency = TimeSpan.FromMilliseconds(options.GatewayMilliseconds);
        await using var server = await ServerProcess.StartApiAsync(scratch.File("payments.db"), ct,
            new Dictionary<string, string> { ["Payments__SimulatedLatency"] = latency.ToString() });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var api = new ApiClient(http);
        var tables = 0;

        for (var call = 0; call < WarmupCallsPerKind; call++)
            foreach (var tenders in TenderCounts) await TimeOnePaymentAsync(tenders);
        var milliseconds = TenderCounts.ToDictionary(tenders => tenders, _ => new List<double>());
        for (var call = 0; call < options.PaymentCalls; call++)
            foreach (var tenders in TenderCounts) milliseconds[tenders].Add(await TimeOnePaymentAsync(tenders));

        Console.WriteLine($"## Payment call latency, 1 and 3 card tenders, simulated gateway at {options.GatewayMilliseconds} ms a charge");
        Console.WriteLine();
        Console.WriteLine($"{options.PaymentCalls} calls of each kind after {WarmupCallsPerKind} warm-up calls each, alternated. {Stats.MachineLine()}");
        Console.WriteLine();
        Console.WriteLine("| tenders | median | p90 | min | max |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (tenders, times) in milliseconds)
            Console.WriteLine($"| {tenders} | {Stats.Median(times):0.0} ms | {Stats.Percentile(times, 0.9):0.0} ms | {times.Min():0.0} ms | {times.Max():0.0} ms |");
        var ratio = Stats.Median(milliseconds[3]) / Stats.Median(milliseconds[1]);
        Console.WriteLine();
        Console.WriteLine($"Median 3 tenders / 1 tender: **{ratio:0.00}×**, goal {(ratio < Goal ? $"met (< {Goal}×)" : $"**not met** (≥ {Goal}×)")}.");
        Console.WriteLine();

        // A billed order, set up untimed; then only the payment call is timed, paid as the diner's phone would.
        async Task<double> TimeOnePaymentAsync(int tenders)
        {
            var order = await api.OpenTableAsync($"pay-{++tables}", ct);
            await api.AddAsync(order.Id, order.AccessToken, [new NewLine("burger", 1, Options: ["medium"])], ct);
            await api.SubmitAsync(order.Id, order.AccessToken, ct);
            var bill = await api.BillAsync(order.Id, order.AccessToken, ct);
            var started = Stopwatch.GetTimestamp();
            await api.PayAsync(order.Id, order.AccessToken, bill.Total, tenders, "credit_card", ct);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }
}
