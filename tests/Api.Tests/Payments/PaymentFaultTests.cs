using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Persistence;
using Restaurant.Api.Tests.Support;
using Restaurant.Domain.Orders;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// Each step between "attempt committed" and "outcome committed" fails in turn (the gateway's connection, Stripe
/// itself, the database); after recovery Stripe's ledger and our tenders agree: no double charge, no lost charge, the
/// balance right. Stopping the process at those steps is <see cref="PaymentCrashTests"/>.
/// </summary>
[RunsLong(18)]
public sealed class PaymentFaultTests
{
    public enum FaultPoint
    {
        ConnectionDroppedBeforeStripeCharged,
        ConnectionDroppedAfterStripeCharged,
        StripeHungPastTimeoutBeforeCharging,
        StripeHungPastTimeoutAfterCharging,
        StripeFailedWith500,
        DatabaseFailedRecordingTheCharge,
        DatabaseFailedRecordingTheDecline,
    }

    [Theory]
    [InlineData(FaultPoint.ConnectionDroppedBeforeStripeCharged)]
    [InlineData(FaultPoint.ConnectionDroppedAfterStripeCharged)]
    [InlineData(FaultPoint.StripeHungPastTimeoutBeforeCharging)]
    [InlineData(FaultPoint.StripeHungPastTimeoutAfterCharging)]
    [InlineData(FaultPoint.StripeFailedWith500)]
    [InlineData(FaultPoint.DatabaseFailedRecordingTheCharge)]
    [InlineData(FaultPoint.DatabaseFailedRecordingTheDecline)]
    public async Task After_a_failure_between_write_ahead_and_outcome_the_ledger_and_the_tenders_agree(FaultPoint point)
    {
        await using var stripe = await FakeStripe.StartAsync();
        var faultyCard = point == FaultPoint.DatabaseFailedRecordingTheDecline ? "pm_card_chargeDeclinedInsufficientFunds" : "pm_card_mastercard";
        var failingSave = new FailingSaves(db => db.ChangeTracker.Entries<Tender>()
            .Any(e => e.State == EntityState.Modified && e.Entity.CardToken == faultyCard && e.Entity.Status != TenderStatus.Pending));
        var databaseFails = point is FaultPoint.DatabaseFailedRecordingTheCharge or FaultPoint.DatabaseFailedRecordingTheDecline;
        await using var api = StripeLedger.Api(stripe, services: databaseFails ? services => FailSaves(services, failingSave) : null);
        Inject(stripe, point, faultyCard);
        var table = await BilledAsync(api, "fault", Item("burger", diner: "A"), Item("fries", diner: "A"), Item("cake", diner: "B"));

        var result = await (await table.PayAsync(22.50m, Card(16.00m, "pm_card_visa", tip: 2.00m), Card(6.50m, faultyCard))).ReadOkJsonAsync();

        // Unknown when the call ends, unless a reconciliation pass already asked Stripe again in the meantime.
        Assert.Equal("succeeded", result["results"]![0]!["status"].Text());
        var orders = await StripeLedger.AssertAgreesAsync(api.Database, stripe);
        var order = orders.Single(o => o.Id == table.OrderId);
        var recovered = order.Tenders.Single(t => t.CardToken == faultyCard);
        Assert.True(stripe.Received.Count(r => r.Headers.GetValueOrDefault("Idempotency-Key") == recovered.GatewayKey) >= 2,
            "the faulty card was asked about again with its own key");
        if (point == FaultPoint.DatabaseFailedRecordingTheDecline)
        {
            Assert.Equal(TenderStatus.Declined, recovered.Status);
            Assert.Equal("insufficient_funds", recovered.DeclineCode);
            Assert.Equal(OrderStatus.Billed, order.Status);
            Assert.Equal(6.50m, (await table.GetAsync())["balance"].Money());
        }
        else
        {
            Assert.Equal(TenderStatus.Succeeded, recovered.Status);
            Assert.Equal(OrderStatus.Paid, order.Status);
            Assert.Equal(2, stripe.Charges.Count(c => c.Status == FakeChargeStatus.Succeeded));
        }
    }

    [Fact]
    public async Task A_refused_reconciliation_of_a_charge_never_recorded_leaves_it_pending_not_declined()
    {
        await using var stripe = await FakeStripe.StartAsync();
        var failingSave = new FailingSaves(db => db.ChangeTracker.Entries<Tender>()
            .Any(e => e.State == EntityState.Modified && e.Entity.Status == TenderStatus.Succeeded));
        await using var api = StripeLedger.Api(stripe, services: services => FailSaves(services, failingSave));
        // Slow passes, so that the refusal below is queued before the reconciler first asks.
        api.Settings["Payments:ReconcileInterval"] = "00:00:02";
        var table = await BilledAsync(api, "refused", Item("pancakes"), Item("tea"));

        // Stripe charges the card, but recording the success fails: the tender stays pending.
        var result = await (await table.PayAsync(11.00m, Card(11.00m))).ReadOkJsonAsync();
        Assert.Equal("pending", result["results"]![0]!["status"].Text());
        // Then Stripe refuses the reconciler's first question (rate limited): that says nothing about the charge.
        stripe.Enqueue(FakeStripeFault.RateLimited());

        var orders = await StripeLedger.AssertAgreesAsync(api.Database, stripe);
        Assert.Equal(OrderStatus.Paid, orders.Single(o => o.Id == table.OrderId).Status);
        var key = orders.Single(o => o.Id == table.OrderId).Tenders.Single().GatewayKey;
        Assert.True(stripe.Received.Count(r => r.Headers.GetValueOrDefault("Idempotency-Key") == key) >= 3, "the charge, the refused question, the answer");
        Assert.Equal(0, stripe.QueuedFaults);
    }

    [Fact]
    public async Task When_the_database_refuses_the_write_ahead_nothing_is_charged_and_the_table_can_pay_again()
    {
        await using var stripe = await FakeStripe.StartAsync();
        var failingSave = new FailingSaves(db => db.ChangeTracker.Entries<Tender>().Any(e => e.State == EntityState.Added));
        await using var api = StripeLedger.Api(stripe, services: services => FailSaves(services, failingSave));
        var table = await BilledAsync(api, "walfail", Item("omelet"), Item("coffee"));

        var failed = await table.PayAsync(10.00m, Card(10.00m));

        await failed.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        Assert.Empty(stripe.Charges);
        Assert.Empty((await table.GetAsync())["payments"]!.AsArray());
        Assert.Equal("paid", (await (await table.PayAsync(10.00m, Card(10.00m))).ReadOkJsonAsync())["status"].Text());
        await StripeLedger.AssertAgreesAsync(api.Database, stripe);
    }

    /// <summary>The API's context type is the provider's own on PostgreSQL (its migrations are its own).</summary>
    private static void FailSaves(IServiceCollection services, FailingSaves interceptor)
    {
        if (TestDatabase.IsPostgres) services.ConfigureDbContext<PostgresRestaurantDbContext>(options => options.AddInterceptors(interceptor));
        else services.ConfigureDbContext<RestaurantDbContext>(options => options.AddInterceptors(interceptor));
    }

    private static void Inject(FakeStripe stripe, FaultPoint point, string card)
    {
        var fault = point switch
        {
            FaultPoint.ConnectionDroppedBeforeStripeCharged => FakeStripeFault.DropBeforeCharge,
            FaultPoint.ConnectionDroppedAfterStripeCharged => FakeStripeFault.DropAfterCharge,
            FaultPoint.StripeHungPastTimeoutBeforeCharging => FakeStripeFault.HangBeforeCharge(TimeSpan.FromSeconds(2)),
            FaultPoint.StripeHungPastTimeoutAfterCharging => FakeStripeFault.HangAfterCharge(TimeSpan.FromSeconds(2)),
            FaultPoint.StripeFailedWith500 => FakeStripeFault.ServerError,
            _ => null,
        };
        if (fault is not null) stripe.Enqueue(fault, card);
    }
}
