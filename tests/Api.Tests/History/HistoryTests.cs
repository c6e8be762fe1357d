using System.Diagnostics;
using Restaurant.Api.Tests.Support;
using Restaurant.Domain.Orders;
using Xunit.Abstractions;

namespace Restaurant.Api.Tests.History;

/// <summary>
/// Issue #5's history checks, on API processes that share one database of the suite's provider (SQLite files work
/// across processes in WAL mode; <see cref="TestDatabase"/> says which), with cards on a fake Stripe: the concurrent
/// workload on one node and on three, and the hot table. Every table's phones join its order at once, and its diners pay
/// their shares at once, with declines and unknown outcomes among them; at the end Stripe's ledger and the tenders agree.
/// Then, on a few tables, staff on three nodes refund parts of one tender at once (issue 16): Stripe's refunds and our
/// refund rows agree too. And with event streams attached to other nodes than the writers' (issue 15, EventWatch.cs),
/// every committed change arrives once, in commit order, also on a stream dropped and resumed elsewhere.
/// </summary>
[RunsLong(145)]
public sealed class HistoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20260505;
    private readonly TestDatabase _database = TestDatabase.CreateNew();
    private readonly List<ApiProcess> _nodes = [];
    private FakeStripe _stripe = null!;

    [Fact]
    public async Task One_node_answers_a_concurrent_workload_as_the_contract_says()
    {
        HistoryCheck.LeaveOutcomesUnknown(_stripe, 9);
        await HistoryCheck.RunAsync(await StartNodesAsync(1), WorkloadOptions.Standard(Seed), output);
        await StripeLedger.AssertAgreesAsync(_database, _stripe);
    }

    [Fact]
    public async Task Three_nodes_on_one_database_answer_a_concurrent_workload_as_the_contract_says()
    {
        HistoryCheck.LeaveOutcomesUnknown(_stripe, 9);
        await HistoryCheck.RunAsync(await StartNodesAsync(3), WorkloadOptions.Standard(Seed), output);
        await StripeLedger.AssertAgreesAsync(_database, _stripe);
    }

    [Fact]
    public async Task Thirty_two_diners_joining_adding_to_and_paying_one_order_through_three_nodes_get_no_error_and_lose_nothing()
    {
        HistoryCheck.LeaveOutcomesUnknown(_stripe, 3);
        var options = WorkloadOptions.HotTable(Seed);
        var history = await HistoryCheck.RunAsync(await StartNodesAsync(3), options, output);

        // Contention on the one order is retried inside the server: no diner ever sees it.
        var additions = history.Where(e => (e.Repeats?.Operation ?? e.Operation) == Operation.Add).ToList();
        Assert.True(additions.Count >= options.DinersPerTable * options.AdditionsPerDiner);
        Assert.All(additions, addition => Assert.True(addition.Status == 200, addition.ToString()));
        Assert.Equal(options.DinersPerTable, history.Count(e => e.Operation == Operation.OpenOrder && e.IsSuccess));
        await StripeLedger.AssertAgreesAsync(_database, _stripe);
    }

    [Fact]
    public async Task Streams_on_other_nodes_deliver_every_change_committed_on_three_nodes_once_in_commit_order()
    {
        // A smaller workload (8 tables of 4 diners) keeps the run short; its writers still race on every node.
        var options = new WorkloadOptions(8, 4, 3, 2, 2, 1, 3, 2, 1, Seed, Voids: 2);
        var nodes = await StartNodesAsync(3);
        var clock = Stopwatch.StartNew();
        await using var watch = await EventWatch.StartAsync(nodes);

        var history = await HistoryCheck.RunAsync(nodes, options, output, watch.FollowAsync);
        var finalVersions = EventStreamChecker.FinalOrders(history).ToDictionary(o => o.Key, o => o.Value["version"]!.GetValue<long>());
        await watch.DrainAsync(finalVersions, EventStreamChecker.FinalFeed(history).Max(t => t["sequence"]!.GetValue<long>()));

        foreach (var stream in watch.All)
            output.WriteLine($"  {stream.Name}: {stream.Events.Count} events on node(s) {string.Join(",", stream.Nodes)}");
        output.WriteLine($"{watch.All.Sum(s => s.Events.Count)} events received in {clock.Elapsed.TotalSeconds:0.0} s");
        var violations = new EventStreamChecker(history, watch).Check();
        Assert.True(violations.Count == 0, $"{violations.Count} violations:{Environment.NewLine}{string.Join(Environment.NewLine, violations.Take(20))}");
    }

    [Fact]
    public async Task Staff_refunding_one_tender_at_once_on_three_nodes_never_give_back_more_than_it_took()
    {
        var history = await HistoryCheck.RunAsync(await StartNodesAsync(3), WorkloadOptions.RacingRefunds(Seed), output);

        // The racers asked for more than the tenders took: some were refunded, the last ones refused.
        var refunds = history.Where(e => e.Operation == Operation.Refund).ToList();
        Assert.Contains(refunds, e => e.Status == 201);
        Assert.Contains(refunds, e => e.ProblemCode == "refund_exceeds_payment");
        await StripeLedger.AssertAgreesAsync(_database, _stripe);
        var orders = await RefundLedger.AssertAgreesAsync(_database, _stripe);
        // Stripe is told to fail no refund here: a failed one would be Stripe refusing more than a charge has left.
        Assert.DoesNotContain(orders.SelectMany(o => o.Refunds), r => r.Status == RefundStatus.Failed);
    }

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        // Slow enough that racing payments overlap.
        _stripe.Latency = TimeSpan.FromMilliseconds(20);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _stripe.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>One node at a time: the first creates the schema, the others find it ready.</summary>
    private async Task<IReadOnlyList<ApiProcess>> StartNodesAsync(int count)
    {
        for (var node = 0; node < count; node++) _nodes.Add(await ApiProcess.StartAsync(_database, HistoryCheck.NodeSettings(_stripe)));
        return _nodes;
    }
}
