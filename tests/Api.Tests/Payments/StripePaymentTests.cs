using System.Net;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>Payments through the Stripe gateway (Stripe:SecretKey set) against the fake Stripe, over real HTTP.</summary>
public sealed class StripePaymentTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;
    private RestaurantApi _api = null!;

    [Fact]
    public async Task The_seed_split_charges_amount_and_tip_in_cents_once_per_tender()
    {
        var table = await BilledAsync(_api, "stripe",
            Item("salad", diner: "John"), Item("juice", diner: "John"), Item("omelet", diner: "Jane"), Item("coffee", diner: "Derek"));

        var first = await (await table.PayAsync(20.00m,
            Card(10.00m, "pm_card_visa", tip: 1.50m), Card(7.50m, "pm_card_visa_chargeDeclined"), Card(2.50m, "pm_card_mastercard"))).ReadOkJsonAsync();
        var second = await (await table.PayAsync(7.50m, Card(7.50m, "pm_card_amex"))).ReadOkJsonAsync();

        Assert.Equal("partially_paid", first["status"].Text());
        Assert.Equal("generic_decline", first["results"]![1]!["declineCode"].Text());
        Assert.Equal("paid", second["status"].Text());
        var charges = _stripe.Charges.Where(c => c.OrderId == table.OrderId).ToList();
        Assert.Equal([250L, 750L, 750L, 1150L], charges.Select(c => c.Amount).Order());
        Assert.All(charges, c => Assert.Equal("usd", c.Currency));
        Assert.Equal(first["results"]![0]!["paymentId"].Text(), charges.Single(c => c.PaymentMethod == "pm_card_visa").PaymentIntentId);
        await StripeLedger.AssertAgreesAsync(_api.Database, _stripe);
    }

    [Fact]
    public async Task The_cards_of_one_call_are_charged_at_the_same_time()
    {
        var table = await BilledAsync(_api, "stripar", Item("burger", diner: "A"), Item("pancakes", diner: "B"), Item("cake", diner: "C"));
        // Stripe answers none of the three before all three have arrived: charged one after another, the first card would
        // wait past the gateway's timeout and stay pending.
        _stripe.HoldCharges(3);

        var result = await (await table.PayAsync(27.00m, Card(12.00m, "pm_card_visa"), Card(8.50m, "pm_card_mastercard"), Card(6.50m, "pm_card_amex"))).ReadOkJsonAsync();

        Assert.Equal("paid", result["status"].Text());
    }

    [Fact]
    public async Task A_card_whose_outcome_is_unknown_is_pending_holds_its_amount_back_and_is_reconciled_once()
    {
        var table = await BilledAsync(_api, "sthang", Item("soup"), Item("tea"));
        _stripe.Enqueue(FakeStripeFault.HangAfterCharge(TimeSpan.FromSeconds(2)), "pm_card_mastercard");

        var result = await (await table.PayAsync(8.50m, Card(5.00m, "pm_card_visa"), Card(3.50m, "pm_card_mastercard"))).ReadOkJsonAsync();

        Assert.Equal(["succeeded", "pending"], result["results"]!.AsArray().Select(r => r!["status"].Text()));
        Assert.Equal("partially_paid", result["status"].Text());
        Assert.Equal(3.50m, result["balance"].Money());
        // Nobody else can pay the money the pending card may have taken.
        var held = await (await table.PayAsync(0.01m, Card(0.01m))).AssertProblemAsync(HttpStatusCode.Conflict, "total_exceeds_balance");
        Assert.Equal(3.50m, held["balance"].Money());
        Assert.Equal(3.50m, held["pending"].Money());

        var orders = await StripeLedger.AssertAgreesAsync(_api.Database, _stripe);
        Assert.Equal(Domain.Orders.OrderStatus.Paid, orders.Single(o => o.Id == table.OrderId).Status);
        var order = await table.GetAsync();
        Assert.Equal("paid", order["status"].Text());
        Assert.Equal(["succeeded", "succeeded"], order["payments"]!.AsArray().Select(p => p!["status"].Text()));
        Assert.Equal(2, _stripe.Charges.Count(c => c.OrderId == table.OrderId));
    }

    [Fact]
    public async Task A_card_still_processing_is_pending_until_stripe_settles_it()
    {
        var table = await BilledAsync(_api, "stproc", Item("fries"));
        _stripe.Enqueue(FakeStripeFault.Processing);

        var result = await (await table.PayAsync(4.00m, Card(4.00m))).ReadOkJsonAsync();

        Assert.Equal("pending", result["results"]![0]!["status"].Text());
        var paymentId = result["results"]![0]!["paymentId"].Text();
        // The reconciler asks Stripe about the intent and finds it still processing.
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            while (!_stripe.Received.Any(r => r.Method == "GET" && r.Path.EndsWith(paymentId)))
                await Task.Delay(20, deadline.Token);
        Assert.Equal("pending", (await table.GetAsync())["payments"]![0]!["status"].Text());
        _stripe.FinishProcessing(paymentId);
        await StripeLedger.AssertAgreesAsync(_api.Database, _stripe);
        Assert.Equal("paid", (await table.GetAsync())["status"].Text());
    }

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        _api = StripeLedger.Api(_stripe);
        _api.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _stripe.DisposeAsync();
    }
}
