using System.Net;
using Restaurant.Api.Tests.Support;
using Xunit.Abstractions;

namespace Restaurant.Api.Tests.History;

/// <summary>
/// Issue #20: the history check's workload on three API processes while the database goes away twice in the middle of
/// it (<see cref="StagedOutage"/>: PostgreSQL stopped fast, later immediately, and started again after a few seconds;
/// on the SQLite run, the file's write lock held by another process), with phones that wait outages out. The history
/// must hold as it does without an outage (every acknowledged change there exactly once, no answer the contract does
/// not allow, so no 500); while PostgreSQL is down every answer is a 503 with Retry-After (or a success) and readiness
/// is 503 on every node, and 200 again after; and once the reconciler has settled every card, the fake Stripe's
/// ledger agrees with the tenders.
/// </summary>
[RunsLong(30)]
public sealed class OutageHistoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261120;
    private const int Outages = 2;
    // Answers recorded before each outage begins, so that it lands among tables that are ordering or paying.
    private const int ProgressBeforeOutage = 120;
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ReadinessDeadline = TimeSpan.FromSeconds(30);

    private readonly List<ApiProcess> _nodes = [];
    private readonly List<(DateTimeOffset Began, DateTimeOffset Ended)> _outages = [];
    private StagedOutage _outage = null!;
    private FakeStripe _stripe = null!;

    [Fact]
    public async Task Three_nodes_wait_out_two_database_outages_in_a_workload_and_lose_or_double_nothing()
    {
        var settings = HistoryCheck.NodeSettings(_stripe, maxRetries: 1).Concat(_outage.ApiSettings)
            .ToDictionary(setting => setting.Key, setting => setting.Value);
        // Three nodes and thirty-six racing payments on two shared cores: give the fake Stripe time to answer.
        settings["Stripe:Timeout"] = "00:00:05";
        for (var node = 0; node < 3; node++) _nodes.Add(await ApiProcess.StartAsync(_outage.Database, settings));

        IReadOnlyList<Exchange> history;
        try
        {
            history = await HistoryCheck.RunAsync(_nodes, WorkloadOptions.ThroughOutages(Seed), output, StageOutagesAsync,
                () => StripeLedger.AssertAgreesAsync(_outage.Database, _stripe));
        }
        finally
        {
            ReportNodeLogs();
        }

        var during = history.Where(e => _outages.Any(o => e.StartedAt > o.Began && e.EndedAt < o.Ended)).ToList();
        output.WriteLine($"{during.Count} answers during the outages, {history.Count(e => e.Status == 503)} answered 503 in all");
        // On PostgreSQL every request inside an outage fails fast. On SQLite a writer may spend most of a short outage
        // queued for the file's lock, so under load no exchange need fall wholly inside it; the outage must still have
        // been answered 503.
        Assert.Contains(_outage.ReadsFail ? during : history, e => e.Status == 503);
        if (_outage.ReadsFail)
            Assert.All(during, e => Assert.True(e.Status == 503 || e.IsSuccess, $"during an outage: {e}"));
        foreach (var node in _nodes) Assert.DoesNotContain(node.Log, line => line.Contains("Unhandled failure", StringComparison.Ordinal));
    }

    /// <summary>What each node logged, line kinds counted, and the first failure in full.</summary>
    private void ReportNodeLogs()
    {
        foreach (var node in _nodes)
        {
            var log = node.Log;
            output.WriteLine($"{node.Address} logged:");
            foreach (var kind in log.Where(line => !line.StartsWith(' ')).GroupBy(line => line).OrderByDescending(g => g.Count()))
                output.WriteLine($"  {kind.Count(),4} x {kind.Key}");
            var failure = log.ToList().FindIndex(line => line.Contains("Unhandled failure", StringComparison.Ordinal));
            if (failure >= 0) output.WriteLine(string.Join(Environment.NewLine, log.Skip(failure - 1).Take(80)));
        }
    }

    /// <summary>Takes the database away <see cref="Outages"/> times while the workload runs, checking readiness on every node.</summary>
    private async Task StageOutagesAsync(HistoryRecorder recorder, Task workload)
    {
        for (var episode = 0; episode < Outages; episode++)
        {
            var target = recorder.Count + ProgressBeforeOutage;
            while (recorder.Count < target)
            {
                Assert.False(workload.IsCompleted, $"the workload ended before outage {episode + 1}");
                await Task.Delay(20);
            }
            var what = await _outage.BeginAsync(episode);
            var began = DateTimeOffset.UtcNow;
            output.WriteLine($"{began:HH:mm:ss.fff} outage {episode + 1}: {what}, after {recorder.Count} answers");
            if (_outage.ReadsFail) await AssertReadinessAsync(HttpStatusCode.ServiceUnavailable);
            var left = OutageLength - (DateTimeOffset.UtcNow - began);
            if (left > TimeSpan.Zero) await Task.Delay(left);
            var ended = DateTimeOffset.UtcNow;
            await _outage.EndAsync();
            _outages.Add((began, ended));
            await AssertReadinessAsync(HttpStatusCode.OK);
            output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} the database is back and every node ready");
        }
    }

    private async Task AssertReadinessAsync(HttpStatusCode expected)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var node in _nodes)
        {
            using var deadline = new CancellationTokenSource(ReadinessDeadline);
            HttpStatusCode? status = null;
            while (status != expected && !deadline.IsCancellationRequested)
            {
                status = (await http.GetAsync(new Uri(node.Address, "/health/ready"), CancellationToken.None)).StatusCode;
                if (status != expected) await Task.Delay(100, CancellationToken.None);
            }
            Assert.True(status == expected, $"{node.Address} answered /health/ready {status}, not {expected}");
        }
    }

    public async Task InitializeAsync()
    {
        _outage = await StagedOutage.CreateAsync();
        _stripe = await FakeStripe.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _stripe.DisposeAsync();
        await _outage.DisposeAsync();
    }
}
