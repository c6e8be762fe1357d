using System.Diagnostics;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;
using Xunit.Abstractions;

namespace Restaurant.Api.Tests.History;

/// <summary>
/// Issue #5's history check on any set of running API nodes that share one database, whatever the database: drive the
/// workload while kitchen screens page the feed, read every order back from every node and the kitchen feed, and judge
/// the whole recorded history.
/// </summary>
public static class HistoryCheck
{
    private const int KitchenPage = 200;

    /// <summary>
    /// Settings every node runs with: cards go to <paramref name="stripe"/> (one-second attempts, reconciliation every
    /// 300 ms; with no retries a fault leaves an outcome unknown).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> NodeSettings(FakeStripe stripe, int maxRetries = 0) => StripeLedger.Settings(stripe, maxRetries);

    /// <summary>
    /// The gateway leaves the outcome of the next <paramref name="count"/> amex charges unknown, each in one of the ways
    /// it can (an answer that comes too late, a connection dropped after or before the charge): those tenders stay
    /// pending until the reconciler learns their outcome.
    /// </summary>
    public static void LeaveOutcomesUnknown(FakeStripe stripe, int count)
    {
        FakeStripeFault[] faults = [FakeStripeFault.HangAfterCharge(TimeSpan.FromSeconds(1.5)), FakeStripeFault.DropAfterCharge, FakeStripeFault.DropBeforeCharge];
        for (var i = 0; i < count; i++) stripe.Enqueue(faults[i % faults.Length], "pm_card_amex");
    }

    /// <summary>
    /// Runs the workload on <paramref name="nodes"/> and asserts the history holds; returns it for further checks.
    /// <paramref name="alongside"/> runs beside the workload, which it is given (to stage an outage in the middle of it), and
    /// <paramref name="beforeReadBack"/> after both (waiting until every card is settled).
    /// </summary>
    public static async Task<IReadOnlyList<Exchange>> RunAsync(IReadOnlyList<ApiProcess> nodes, WorkloadOptions options, ITestOutputHelper output,
        Func<HistoryRecorder, Task, Task>? alongside = null, Func<Task>? beforeReadBack = null)
    {
        output.WriteLine($"seed {options.Seed}: {options.Tables} tables of {options.DinersPerTable} diners on {nodes.Count} node(s)");
        using var recorder = new HistoryRecorder(nodes, options.WaitOutOutages);
        var clock = Stopwatch.StartNew();
        using var workloadDone = new CancellationTokenSource();
        // Kitchen screens page the feed while the orders, fires and voids are committed: the whole kitchen and the bar.
        var screens = new[] { null, "bar" }.Select(station => Task.Run(() => PageKitchenAsync(recorder, station, workloadDone.Token))).ToList();
        var workload = new Workload(recorder, options).RunAsync();
        await Task.WhenAll(workload, alongside?.Invoke(recorder, workload) ?? Task.CompletedTask);
        await workloadDone.CancelAsync();
        await Task.WhenAll(screens);
        output.WriteLine($"workload done in {clock.Elapsed.TotalSeconds:0.0} s");
        if (beforeReadBack is not null) await beforeReadBack();
        await ReadBackAsync(recorder);

        var history = recorder.Exchanges;
        foreach (var kind in history.GroupBy(e => (e.Operation, Answer(e))).OrderBy(g => g.Key))
            output.WriteLine($"  {kind.Key.Operation,-11} {kind.Key.Item2,-28} {kind.Count(),5}");
        output.WriteLine("  tenders: " + TenderOutcomes(history));
        var violations = new HistoryChecker(history, options.WaitOutOutages).Check();
        Assert.True(violations.Count == 0,
            $"{violations.Count} violations in {history.Count} exchanges (seed {options.Seed}):{Environment.NewLine}" +
            string.Join(Environment.NewLine, violations.Take(20)));
        return history;
    }

    /// <summary>Every order as each node sees it, and the whole kitchen feed, recorded like any other exchange.</summary>
    private static async Task ReadBackAsync(HistoryRecorder recorder)
    {
        // One order a table: whichever phone got in says which (the checker sees whether they all agree).
        var orders = recorder.Exchanges.Where(e => e.Operation == Operation.OpenOrder && e.IsSuccess).DistinctBy(e => e.Table).ToList();
        foreach (var opened in orders)
            for (var node = 0; node < recorder.NodeCount; node++)
                await recorder.SendAsync(Operation.ReadOrder, opened.Table, node, HttpMethod.Get,
                    $"/orders/{opened.Response()["id"].Text()}", RestaurantApi.StaffKey);

        for (long after = 0; ;)
        {
            var page = await recorder.SendAsync(Operation.ReadKitchen, "", 0, HttpMethod.Get, $"/kitchen/tickets?after={after}", RestaurantApi.StaffKey);
            if (page.Status != 200) return; // the checker reports the answer
            var tickets = JsonNode.Parse(page.ResponseBody)!.AsArray();
            if (tickets.Count < KitchenPage) return;
            after = tickets[^1]!["sequence"]!.GetValue<long>();
        }
    }

    /// <summary>
    /// A kitchen screen: pages with ?after= (and ?station=) on a random node each time, as long as the workload runs,
    /// then until a page comes back empty, so that it ends having seen everything. A page that does not move past ?after=
    /// once the workload is done ends it too (a feed that repeated itself forever would otherwise never end; the checker
    /// reports it), and so do a hundred refusals.
    /// </summary>
    private static async Task PageKitchenAsync(HistoryRecorder recorder, string? station, CancellationToken workloadDone)
    {
        var random = new Random(station is null ? 1 : 2);
        long after = 0;
        for (var refusals = 0; refusals < 100;)
        {
            var finished = workloadDone.IsCancellationRequested; // a page asked for after the workload ended sees all of it
            var query = station is null ? $"after={after}" : $"after={after}&station={station}";
            var page = await recorder.SendAsync(Operation.PollKitchen, "", random.Next(recorder.NodeCount), HttpMethod.Get,
                $"/kitchen/tickets?{query}", RestaurantApi.StaffKey);
            if (page.Status != 200)
            {
                // An outage (the checker judges the answer): ask again shortly.
                refusals++;
                await Task.Delay(100);
                continue;
            }
            var tickets = JsonNode.Parse(page.ResponseBody)!.AsArray();
            var last = tickets.Count == 0 ? after : tickets[^1]!["sequence"]!.GetValue<long>();
            if (finished && last <= after) return;
            if (last <= after) await Task.Delay(random.Next(5, 20));
            after = Math.Max(after, last);
        }
    }

    /// <summary>How the tenders of every table ended, and how many a diner was first shown as pending (an unknown outcome).</summary>
    private static string TenderOutcomes(IReadOnlyList<Exchange> history)
    {
        var final = history.Where(e => e.Operation == Operation.ReadOrder && e.Node == 0 && e.Status == 200)
            .SelectMany(e => e.Response()["payments"]!.AsArray()).Select(t => t!["status"]!.GetValue<string>()).ToList();
        var shownPending = history.Where(e => e.Operation is Operation.Pay && e.Status == 200)
            .SelectMany(e => e.Response()["results"]!.AsArray()).Count(r => r!["status"]!.GetValue<string>() == "pending");
        return string.Join(", ", final.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")) +
               $"; {shownPending} answered pending, settled by the reconciler";
    }

    private static string Answer(Exchange exchange) => exchange.Status switch
    {
        null => "no answer",
        var status when exchange.IsSuccess => $"{status}",
        503 when exchange.OutcomeUnknown => $"503 {exchange.ProblemCode} (unknown)",
        var status => $"{status} {exchange.ProblemCode}",
    };
}
