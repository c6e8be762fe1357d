using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Tests.Support;
using Xunit.Abstractions;
using static Restaurant.Api.Tests.Support.TableSession;
using Restaurant.Api.Tests.Support.Contract;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// The API runs as a child process against the fake Stripe while tables pay, each table's diners paying their own
/// parts at the same time, and is killed with SIGKILL again and again: at random moments, and at the two worst ones
/// (Stripe holding a charge it has not made yet, and one it has made but not answered). After each restart the stream
/// goes on; at the end Stripe's ledger and our tenders agree, no order took more than its bill, and every outcome a
/// diner was shown still holds.
/// </summary>
[RunsLong(150)]
public sealed class PaymentCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int RandomKills = 30;
    private const int Seed = 20261122;
    private static readonly string[] StreamCards =
        ["pm_card_visa", "pm_card_visa", "pm_card_amex", "pm_card_visa_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds"];

    private readonly TestDatabase _database = TestDatabase.CreateNew();
    private readonly ConcurrentBag<(string PaymentId, string Status)> _shown = [];
    private FakeStripe _stripe = null!;
    private volatile ApiProcess? _api;

    [Fact]
    public async Task Killing_the_api_during_a_stream_of_payments_never_charges_twice_or_loses_a_charge()
    {
        var settings = StripeLedger.Settings(_stripe, maxRetries: 1);
        _stripe.Latency = TimeSpan.FromMilliseconds(30);
        _api = await ApiProcess.StartAsync(_database, settings);
        var random = new Random(Seed);
        using var stop = new CancellationTokenSource();
        var tables = Enumerable.Range(0, 3).Select(payer => Task.Run(() => PayTablesAsync(payer, stop.Token))).ToList();

        for (var kill = 0; kill < RandomKills; kill++)
        {
            // A fresh process is slow at first (JIT, pools), so wait until the stream reaches Stripe again: every kill
            // then lands among payments, at a random moment from the first charge request on.
            var requestsBefore = _stripe.Requests;
            using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
                while (_stripe.Requests == requestsBefore) await Task.Delay(10, deadline.Token);
            await Task.Delay(random.Next(0, 500));
            await RestartAsync(settings);
        }
        await KillWhileStripeHoldsAsync(FakeStripeFault.HangBeforeCharge(TimeSpan.FromSeconds(30)), settings);
        await KillWhileStripeHoldsAsync(FakeStripeFault.HangAfterCharge(TimeSpan.FromSeconds(3)), settings);
        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(tables);

        await StripeLedger.AssertAgreesAsync(_database, _stripe);
        var recorded = await RecordedOutcomesAsync();
        foreach (var (paymentId, status) in _shown)
            Assert.True(recorded.GetValueOrDefault(paymentId) == status, $"A diner was shown {paymentId} {status}; it is recorded {recorded.GetValueOrDefault(paymentId)}");
        var charged = _stripe.Charges.Count(c => c.Status == FakeChargeStatus.Succeeded);
        var askedAgain = _stripe.Received.Where(r => r.Method == "POST").GroupBy(r => r.Headers.GetValueOrDefault("Idempotency-Key")).Count(g => g.Count() > 1);
        output.WriteLine($"{RandomKills + 2} kills; {charged} cards charged, {_shown.Count} outcomes shown to diners, {askedAgain} tenders asked about again after a fault");
        Assert.True(charged >= 20, "the stream of payments made progress");
        Assert.True(askedAgain >= 2, "kills landed between a tender's write-ahead and its outcome");
    }

    private async Task RestartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        // No table starts on a killed process's address: another test's server may take that port.
        var killed = _api;
        _api = null;
        killed!.Kill();
        _api = await ApiProcess.StartAsync(_database, settings);
    }

    /// <summary>Pays a table with a card Stripe will hold, and kills the API while Stripe holds it.</summary>
    private async Task KillWhileStripeHoldsAsync(FakeStripeFault fault, IReadOnlyDictionary<string, string?> settings)
    {
        var api = _api!; // only restarts set it to null, and they run on this thread
        var (orderId, token, total) = await BilledTableAsync(api, "held");
        _stripe.Enqueue(fault, "pm_card_mastercard");
        var paying = api.Client(token).PostAsJsonAsync($"/payments/{orderId}", new { total, payments = new[] { Card(total, "pm_card_mastercard") } });
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            while (!_stripe.Received.Any(r => r.Form.GetValueOrDefault("metadata[order_id]") == orderId))
                await Task.Delay(10, deadline.Token);
        await RestartAsync(settings);
        await Assert.ThrowsAnyAsync<Exception>(() => paying);
    }

    private async Task PayTablesAsync(int payer, CancellationToken stop)
    {
        var random = new Random(Seed + payer);
        while (!stop.IsCancellationRequested)
        {
            if (_api is not { } api)
            {
                await Task.Delay(50, CancellationToken.None);
                continue;
            }
            try
            {
                var (orderId, token, _) = await BilledTableAsync(api, $"crash{payer}");
                var client = api.Client(token);
                for (var round = 0; round < 4 && !stop.IsCancellationRequested; round++)
                {
                    // What is left once the cards still being confirmed are held back; a kill may leave some pending.
                    var order = await (await client.GetAsync($"/orders/{orderId}", stop)).ReadOkJsonAsync();
                    var pending = order["payments"]!.AsArray().Where(p => p!["status"].Text() == "pending").Sum(p => p!["amount"].Money());
                    var available = order["balance"].Money() - pending;
                    if (order["status"].Text() != "billed" || available <= 0) break;
                    // Up to three diners pay their parts of it at once, each from their own call.
                    var parts = Split(available, random.Next(1, 4)).ToList();
                    var calls = parts.Select(amount => (amount, card: StreamCards[random.Next(StreamCards.Length)], tip: random.Next(3) == 0 ? 1.00m : (decimal?)null))
                        .Select(part => client.PostAsJsonAsync($"/payments/{orderId}",
                            new { orderId, total = part.amount, payments = new[] { Card(part.amount, part.card, part.tip) } }, stop))
                        .ToList();
                    foreach (var response in await Task.WhenAll(calls))
                    {
                        if (response.StatusCode != HttpStatusCode.OK) continue; // held back by a pending card from before a kill
                        var result = await response.ReadJsonAsync();
                        foreach (var shown in result["results"]!.AsArray().Where(r => r!["status"].Text() != "pending"))
                            _shown.Add((shown!["paymentId"].Text(), shown["status"].Text()));
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or SocketException or OperationCanceledException)
            {
                await Task.Delay(200, CancellationToken.None); // the API was killed mid-table; the next one starts on the new process
            }
        }
    }

    private static async Task<(string OrderId, string Token, decimal Total)> BilledTableAsync(ApiProcess api, string prefix)
    {
        using var anonymous = ContractHandler.Client(api.Address);
        using var staff = api.Client(RestaurantApi.StaffKey);
        var table = Tables.Unique(prefix);
        var code = await Floor.SetUpAsync(staff, table);
        var created = await (await anonymous.PostAsJsonAsync("/orders", new { table, code })).ReadOkJsonAsync(HttpStatusCode.Created);
        var (orderId, token) = (created["id"].Text(), created["accessToken"].Text());
        using var client = api.Client(token);
        await (await client.PostAsJsonAsync($"/orders/{orderId}/items",
            new { add = new[] { Item("burger", diner: "A"), Item("cake", diner: "B"), Item("coffee", diner: "C") } })).ReadOkJsonAsync();
        await (await client.PostAsync($"/orders/{orderId}/submit", null)).ReadOkJsonAsync(HttpStatusCode.Created);
        var bill = await (await client.PostAsync($"/orders/{orderId}/bill", null)).ReadOkJsonAsync();
        return (orderId, token, bill["total"].Money());
    }

    private static IEnumerable<decimal> Split(decimal total, int parts)
    {
        var cents = (long)(total * 100);
        if (cents < parts) parts = 1;
        for (var part = 0; part < parts; part++)
            yield return (cents / parts + (part < cents % parts ? 1 : 0)) / 100m;
    }

    private async Task<Dictionary<string, string>> RecordedOutcomesAsync()
    {
        await using var db = _database.OpenContext();
        return await db.Tenders.Where(t => t.PaymentId != null)
            .ToDictionaryAsync(t => t.PaymentId!, t => t.Status.ToString().ToLowerInvariant());
    }

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync()
    {
        if (_api is { } api) await api.DisposeAsync();
        await _stripe.DisposeAsync();
        _database.Dispose();
    }
}
