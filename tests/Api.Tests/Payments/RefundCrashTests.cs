using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Restaurant.Api.Tests.Support;
using Restaurant.Domain.Orders;
using Xunit.Abstractions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// Issue #16: the API runs as a child process against the fake Stripe (PaymentCrashTests' harness); tables are paid, then
/// staff stream refunds of parts of their tenders, several at once, while the API is killed with SIGKILL again and again:
/// at random moments, and while Stripe holds a refund it has not made yet and one it has made but not answered. After
/// each restart the stream goes on and the reconciler settles what was left pending; at the end Stripe's refunds and our
/// refund rows agree (none sent twice, none over what a tender took), and every refund staff saw succeed still has.
/// </summary>
[RunsLong(85)]
public sealed class RefundCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int RandomKills = 10;
    private const int PaidTables = 6;
    private const int Seed = 20261130;

    private readonly TestDatabase _database = TestDatabase.CreateNew();
    private readonly ConcurrentBag<string> _shownSucceeded = [];
    private readonly ConcurrentDictionary<string, byte> _exhausted = [];
    private FakeStripe _stripe = null!;
    private volatile ApiProcess? _api;

    [Fact]
    public async Task Killing_the_api_during_a_stream_of_refunds_never_refunds_twice_or_loses_a_refund()
    {
        var settings = StripeLedger.Settings(_stripe, maxRetries: 1);
        _stripe.Latency = TimeSpan.FromMilliseconds(30);
        _api = await ApiProcess.StartAsync(_database, settings);
        var tenders = await PayTablesAsync(_api);
        var random = new Random(Seed);
        using var stop = new CancellationTokenSource();
        var staff = Enumerable.Range(0, 3).Select(member => Task.Run(() => RefundAsync(tenders, member, stop.Token))).ToList();

        for (var kill = 0; kill < RandomKills; kill++)
        {
            // Every kill lands among refunds: wait until the stream reaches Stripe again on the fresh process.
            var before = RefundRequests();
            using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
                while (RefundRequests() == before) await Task.Delay(10, deadline.Token);
            await Task.Delay(random.Next(0, 400));
            await RestartAsync(settings);
        }
        await KillWhileStripeHoldsAsync(FakeStripeFault.HangBeforeCharge(TimeSpan.FromSeconds(10)), settings);
        await KillWhileStripeHoldsAsync(FakeStripeFault.HangAfterCharge(TimeSpan.FromSeconds(3)), settings);
        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(staff);

        var orders = await RefundLedger.AssertAgreesAsync(_database, _stripe);
        var recorded = orders.SelectMany(o => o.Refunds).ToDictionary(r => r.Id, r => r.Status);
        // Stripe is told to fail no refund here: a failed one would be Stripe refusing more than a charge has left.
        Assert.DoesNotContain(RefundStatus.Failed, recorded.Values);
        foreach (var refundId in _shownSucceeded)
            Assert.True(recorded.GetValueOrDefault(refundId) == RefundStatus.Succeeded, $"Staff were shown refund {refundId} succeeded; it is recorded {recorded.GetValueOrDefault(refundId)}");
        var askedAgain = _stripe.Received.Where(r => r is { Method: "POST", Path: "/v1/refunds" })
            .GroupBy(r => r.Headers.GetValueOrDefault("Idempotency-Key")).Count(g => g.Count() > 1);
        output.WriteLine($"{RandomKills + 2} kills; {_stripe.Refunds.Count} refunds made by Stripe, {_shownSucceeded.Count} shown succeeded to staff, " +
            $"{askedAgain} refunds asked about again after a fault");
        Assert.True(_stripe.Refunds.Count >= 20, "the stream of refunds made progress");
        Assert.True(askedAgain >= 2, "kills landed between a refund's write-ahead and its outcome");
    }

    private int RefundRequests() => _stripe.Received.Count(r => r is { Method: "POST", Path: "/v1/refunds" });

    /// <summary>Each table paid by two visas, the second with a tip: the tenders to refund, with what each took.</summary>
    private static async Task<List<(string OrderId, string TenderId, decimal Taken)>> PayTablesAsync(ApiProcess api)
    {
        var tenders = new List<(string, string, decimal)>();
        for (var table = 0; table < PaidTables; table++)
        {
            var (orderId, token, total) = await PaymentCrashTests.BilledTableAsync(api, $"rcrash{table}");
            var half = decimal.Round(total / 2, 2);
            using var client = api.Client(token);
            var paid = await (await client.PostAsJsonAsync($"/payments/{orderId}",
                new { orderId, total, payments = new[] { Card(half), Card(total - half, tip: 2.00m) } })).ReadOkJsonAsync();
            Assert.Equal("paid", paid["status"].Text());
            tenders.Add((orderId, paid["results"]![0]!["tenderId"].Text(), half));
            tenders.Add((orderId, paid["results"]![1]!["tenderId"].Text(), total - half + 2.00m));
        }
        return tenders;
    }

    /// <summary>A member of staff refunds small parts of random tenders, one after another, until stopped.</summary>
    private async Task RefundAsync(List<(string OrderId, string TenderId, decimal Taken)> tenders, int member, CancellationToken stop)
    {
        var random = new Random(Seed + member);
        while (!stop.IsCancellationRequested)
        {
            if (_api is not { } api)
            {
                await Task.Delay(50, CancellationToken.None);
                continue;
            }
            var open = tenders.Where(t => !_exhausted.ContainsKey(t.TenderId)).ToList();
            if (open.Count == 0) return;
            var (orderId, tenderId, taken) = open[random.Next(open.Count)];
            var amount = Math.Max(0.01m, decimal.Round(taken * random.Next(1, 6) / 100m, 2));
            try
            {
                using var staff = api.Client(RestaurantApi.StaffKey);
                var response = await staff.PostAsJsonAsync($"/payments/{orderId}/refunds", new { tenderId, amount, reason = $"crash {member}" }, stop);
                if (response.StatusCode == HttpStatusCode.Conflict) _exhausted.TryAdd(tenderId, 0); // refund_exceeds_payment
                else if (response.StatusCode == HttpStatusCode.Created)
                {
                    var refund = await response.ReadJsonAsync();
                    if (refund["status"].Text() == "succeeded") _shownSucceeded.Add(refund["refundId"].Text());
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or SocketException or OperationCanceledException)
            {
                await Task.Delay(200, CancellationToken.None); // the API was killed mid-refund; the next one goes to the new process
            }
        }
    }

    private async Task RestartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        // No refund starts on a killed process's address: another test's server may take that port.
        var killed = _api;
        _api = null;
        killed!.Kill();
        _api = await ApiProcess.StartAsync(_database, settings);
    }

    /// <summary>Has Stripe hold the next refund it is asked for, and kills the API while it holds it.</summary>
    private async Task KillWhileStripeHoldsAsync(FakeStripeFault fault, IReadOnlyDictionary<string, string?> settings)
    {
        _stripe.Enqueue(fault);
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            while (_stripe.QueuedFaults > 0) await Task.Delay(10, deadline.Token);
        await RestartAsync(settings);
    }

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync()
    {
        if (_api is { } api) await api.DisposeAsync();
        await _stripe.DisposeAsync();
        _database.Dispose();
    }
}
