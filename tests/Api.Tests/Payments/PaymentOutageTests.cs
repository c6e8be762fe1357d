using System.Net;
using Restaurant.Api.Tests.Support;
using Restaurant.Domain.Orders;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// Payments across a real database outage (<see cref="StagedOutage"/>: PostgreSQL stopped, or on the SQLite run the
/// file's write lock held by another process), against the fake Stripe: a payment whose write-ahead meets the outage
/// charges nothing, and a card Stripe charged while its outcome could not be recorded stays pending until the
/// reconciler settles it once the database is back. Afterwards Stripe's ledger and the tenders agree.
/// </summary>
[RunsLong(12)]
public sealed class PaymentOutageTests : IAsyncLifetime
{
    private StagedOutage _outage = null!;
    private FakeStripe _stripe = null!;
    private RestaurantApi _api = null!;

    [Fact]
    public async Task A_payment_whose_write_ahead_meets_the_outage_charges_nothing_and_the_table_pays_once_it_is_over()
    {
        var table = await BilledAsync(_api, "wal", Item("omelet"), Item("coffee"));
        var total = (await table.GetAsync())["bill"]!["total"].Money();

        await _outage.BeginAsync(episode: 0);
        HttpResponseMessage refused;
        try
        {
            refused = await table.PayAsync(total, Card(total));
        }
        finally
        {
            await _outage.EndAsync();
        }

        await refused.AssertUnavailableAsync();
        Assert.DoesNotContain(_stripe.Received, request => request.Form.GetValueOrDefault("metadata[order_id]") == table.OrderId);
        Assert.Equal("paid", (await (await table.PayAsync(total, Card(total))).ReadOkJsonAsync())["status"].Text());
        await StripeLedger.AssertAgreesAsync(_outage.Database, _stripe);
    }

    [Fact]
    public async Task A_card_charged_while_its_outcome_cannot_be_recorded_stays_pending_until_the_reconciler_settles_it_after_the_outage()
    {
        var table = await BilledAsync(_api, "charged", Item("burger"), Item("soda"));
        var total = (await table.GetAsync())["bill"]!["total"].Money();
        // Stripe charges the card at once and holds its answer: the outage begins in between.
        _stripe.Enqueue(FakeStripeFault.HangAfterCharge(TimeSpan.FromSeconds(4)), "pm_card_mastercard");
        var paying = table.PayAsync(total, Card(total, "pm_card_mastercard"));
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            while (!_stripe.Charges.Any(charge => charge.OrderId == table.OrderId)) await Task.Delay(10, deadline.Token);

        await _outage.BeginAsync(episode: 1);
        HttpResponseMessage answer;
        try
        {
            answer = await paying;
        }
        finally
        {
            await _outage.EndAsync();
        }

        // On PostgreSQL the call cannot read its result back either; a locked SQLite file still reads.
        if (answer.StatusCode == HttpStatusCode.OK) Assert.Equal("pending", (await answer.ReadJsonAsync())["results"]![0]!["status"].Text());
        else await answer.AssertUnavailableAsync("unknown");
        var orders = await StripeLedger.AssertAgreesAsync(_outage.Database, _stripe);
        Assert.Equal(OrderStatus.Paid, orders.Single(order => order.Id == table.OrderId).Status);
        Assert.Single(_stripe.Charges, charge => charge.OrderId == table.OrderId);
    }

    public async Task InitializeAsync()
    {
        _outage = await StagedOutage.CreateAsync();
        _stripe = await FakeStripe.StartAsync();
        _api = new RestaurantApi(_outage.Database);
        foreach (var (key, value) in StripeLedger.Settings(_stripe).Concat(_outage.ApiSettings)) _api.Settings[key] = value;
        // Long enough for Stripe's held answer: the outcome is known to Stripe, only our database cannot record it.
        _api.Settings["Stripe:Timeout"] = "00:00:10";
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _stripe.DisposeAsync();
        await _outage.DisposeAsync();
    }
}
