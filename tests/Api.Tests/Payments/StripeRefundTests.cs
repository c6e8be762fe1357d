using System.Net;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// Card refunds through Stripe.net's RefundService against the fake Stripe: each sent once under the refund's own key,
/// pending ones settled later, failed ones recorded, and Stripe failing, hanging or dropping the connection around a
/// refund; afterwards Stripe's refunds and our refund rows agree.
/// </summary>
public sealed class StripeRefundTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;
    private RestaurantApi _api = null!;

    /// <summary>A soup and a tea (8.50) paid by one visa with a 1.50 tip: 10.00 charged.</summary>
    private async Task<(TableSession Table, string Tender)> PaidAsync(string prefix)
    {
        var table = await BilledAsync(_api, prefix, Item("soup"), Item("tea"));
        var paid = await (await table.PayAsync(8.50m, Card(8.50m, tip: 1.50m))).ReadOkJsonAsync();
        Assert.Equal("paid", paid["status"].Text());
        return (table, paid["results"]![0]!["tenderId"].Text());
    }

    [Fact]
    public async Task A_partial_refund_is_one_stripe_refund_of_the_tenders_intent_under_the_refunds_own_key()
    {
        var (table, tender) = await PaidAsync("srpart");

        var refund = await (await table.RefundAsync(tender, 2.50m)).ReadOkJsonAsync(HttpStatusCode.Created);

        // Under a loaded machine the one-second attempt may run out and the refund answer pending; either way it is
        // one refund, and reconciliation settles it.
        await RefundLedger.AssertAgreesAsync(_api.Database, _stripe);
        var made = Assert.Single(_stripe.Refunds, r => r.RefundMetadataId == refund["refundId"].Text());
        Assert.Equal(250, made.Amount);
        Assert.Equal("restaurant-refund-" + refund["refundId"].Text(), made.IdempotencyKey);
        Assert.Equal(_stripe.Charges.Single(c => c.OrderId == table.OrderId).PaymentIntentId, made.PaymentIntentId);
        Assert.Equal(2.50m, (await table.GetAsync())["refunded"].Money());
    }

    [Fact]
    public async Task A_pending_refund_holds_its_amount_until_stripe_settles_it()
    {
        var (table, tender) = await PaidAsync("srpend");
        _stripe.Enqueue(FakeStripeFault.Processing);

        var refund = await (await table.RefundAsync(tender, 10m)).ReadOkJsonAsync(HttpStatusCode.Created);

        Assert.Equal("pending", refund["status"].Text());
        await (await table.RefundAsync(tender, 0.01m)).AssertProblemAsync(HttpStatusCode.Conflict, "refund_exceeds_payment");
        Assert.Equal(0m, (await table.GetAsync())["refunded"].Money());
        _stripe.SettleRefund(Assert.Single(_stripe.Refunds, r => r.RefundMetadataId == refund["refundId"].Text()).RefundId, succeeded: true);
        await RefundLedger.AssertAgreesAsync(_api.Database, _stripe);
        Assert.Equal(10m, (await table.GetAsync())["refunded"].Money());
    }

    [Fact]
    public async Task A_failed_refund_is_recorded_and_its_amount_may_be_refunded_again()
    {
        var (table, tender) = await PaidAsync("srfail");
        _stripe.Enqueue(FakeStripeFault.RefundFails);

        var failed = await (await table.RefundAsync(tender, 10m)).ReadOkJsonAsync(HttpStatusCode.Created);
        var again = await (await table.RefundAsync(tender, 10m)).ReadOkJsonAsync(HttpStatusCode.Created);

        Assert.Equal(("failed", "succeeded"), (failed["status"].Text(), again["status"].Text()));
        Assert.Equal(10m, (await table.GetAsync())["refunded"].Money());
        await RefundLedger.AssertAgreesAsync(_api.Database, _stripe);
    }

    [Fact]
    public async Task A_pending_refund_that_stripe_fails_later_is_recorded_failed()
    {
        var (table, tender) = await PaidAsync("srlate");
        _stripe.Enqueue(FakeStripeFault.Processing);
        var refund = await (await table.RefundAsync(tender, 4m)).ReadOkJsonAsync(HttpStatusCode.Created);

        _stripe.SettleRefund(Assert.Single(_stripe.Refunds, r => r.RefundMetadataId == refund["refundId"].Text()).RefundId, succeeded: false);

        await RefundLedger.AssertAgreesAsync(_api.Database, _stripe);
        var order = await table.GetAsync();
        Assert.Equal(("failed", 0m), (order["refunds"]![0]!["status"].Text(), order["refunded"].Money()));
    }

    public static TheoryData<string> Faults => ["drop-before", "drop-after", "hang-before", "hang-after", "server-error"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task After_stripe_fails_around_a_refund_it_is_made_once_and_recorded(string fault)
    {
        var (table, tender) = await PaidAsync("srfault");
        _stripe.Enqueue(fault switch
        {
            "drop-before" => FakeStripeFault.DropBeforeCharge,
            "drop-after" => FakeStripeFault.DropAfterCharge,
            "hang-before" => FakeStripeFault.HangBeforeCharge(TimeSpan.FromSeconds(3)),
            "hang-after" => FakeStripeFault.HangAfterCharge(TimeSpan.FromSeconds(2)),
            _ => FakeStripeFault.ServerError,
        });

        var refund = await (await table.RefundAsync(tender, 6m)).ReadOkJsonAsync(HttpStatusCode.Created);

        // Unknown when the call ends (no retries here), until the reconciler asks Stripe again with the same key.
        Assert.Contains(refund["status"].Text(), new[] { "pending", "succeeded" });
        await RefundLedger.AssertAgreesAsync(_api.Database, _stripe);
        Assert.Equal(6m, (await table.GetAsync())["refunded"].Money());
        Assert.Single(_stripe.Refunds, r => r.RefundMetadataId == refund["refundId"].Text());
    }

    [Fact]
    public async Task The_receipt_of_a_stripe_card_shows_its_brand_and_last_four()
    {
        var (table, _) = await PaidAsync("srrcpt");
        var order = await table.GetAsync();
        Assert.Equal("succeeded", order["payments"]![0]!["status"].Text());
        var receipt = await (await table.Client.GetAsync($"/orders/{table.OrderId}/receipt")).Content.ReadAsStringAsync();
        Assert.Contains("visa •••• 4242", receipt);
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
