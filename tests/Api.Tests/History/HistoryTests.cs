using Restaurant.Api.Tests.Support;
using Xunit.Abstractions;

namespace Restaurant.Api.Tests.History;

/// <summary>
/// Issue #5's history checks, on API processes that share one database of the suite's provider (SQLite files work
/// across processes in WAL mode; <see cref="TestDatabase"/> says which), with cards on a fake Stripe: the concurrent
/// workload on one node and on three, and the hot table. Every table's phones join its order at once, and its diners pay
/// their shares at once, with declines and unknown outcomes among them; at the end Stripe's ledger and the tenders agree.
/// </summary>
[RunsLong(100)]
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
