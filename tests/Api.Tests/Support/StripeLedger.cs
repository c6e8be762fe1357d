using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Tests.Support;

/// <summary>An API whose cards go to a fake Stripe, and the check that Stripe's ledger and our tenders agree.</summary>
public static class StripeLedger
{
    /// <summary>
    /// Settings for an API (in-process or child) on <paramref name="stripe"/>: one-second attempts, reconciliation
    /// every 300 ms. With no retries, one fault is enough to leave an outcome unknown.
    /// </summary>
    public static Dictionary<string, string?> Settings(FakeStripe stripe, int maxRetries = 0) => new()
    {
        ["Stripe:SecretKey"] = stripe.SecretKey,
        ["Stripe:BaseUrl"] = stripe.BaseUrl,
        ["Stripe:Timeout"] = "00:00:01",
        ["Stripe:MaxRetries"] = maxRetries.ToString(),
        ["Stripe:RetryBaseDelay"] = "00:00:00.050",
        ["Payments:ReconcileInterval"] = "00:00:00.300",
    };

    public static RestaurantApi Api(FakeStripe stripe, int maxRetries = 0, Action<IServiceCollection>? services = null)
    {
        var api = new RestaurantApi { TestServices = services };
        foreach (var (key, value) in Settings(stripe, maxRetries)) api.Settings[key] = value;
        return api;
    }

    /// <summary>
    /// Waits until reconciliation has settled every card, then checks that no tender was charged twice, no charge is
    /// lost (every charge belongs to a tender, and every succeeded tender to a charge of its amount and tip), and each
    /// order's balance counts exactly its succeeded tenders, which never add up to more than its bill.
    /// </summary>
    public static async Task<IReadOnlyList<Order>> AssertAgreesAsync(TestDatabase database, FakeStripe stripe)
    {
        var orders = await WhenNothingPendingAsync(database);
        await stripe.WhenIdleAsync();
        var charges = stripe.Charges;
        var tenders = orders.SelectMany(o => o.Tenders).Where(t => t.Method == TenderMethod.Card).ToDictionary(t => t.GatewayKey!);

        Assert.Equal(charges.Count, charges.Select(c => c.TenderId).Distinct().Count());
        foreach (var charge in charges)
        {
            Assert.True(tenders.TryGetValue(charge.IdempotencyKey, out var tender), $"Stripe charged {charge.IdempotencyKey}, which no tender holds");
            Assert.Equal(tender!.Id, charge.TenderId);
        }
        var chargeByKey = charges.ToDictionary(c => c.IdempotencyKey);
        foreach (var tender in tenders.Values)
        {
            var charge = chargeByKey.GetValueOrDefault(tender.GatewayKey!);
            if (tender.Status == TenderStatus.Succeeded)
            {
                Assert.True(charge is { Status: FakeChargeStatus.Succeeded }, $"Tender {tender.Id} succeeded without a charge");
                Assert.Equal(tender.Charge.Minor, charge!.Amount);
                Assert.Equal(charge.PaymentIntentId, tender.PaymentId);
            }
            else
            {
                Assert.Equal(TenderStatus.Declined, tender.Status);
                Assert.False(charge is { Status: FakeChargeStatus.Succeeded }, $"Tender {tender.Id} was charged but is recorded declined");
            }
        }
        foreach (var order in orders)
        {
            var succeeded = order.Tenders.Where(t => t.Status == TenderStatus.Succeeded).Sum(t => t.Amount.Minor);
            Assert.Equal(succeeded, order.Paid.Minor);
            if (order.Bill is null) continue;
            // Several diners pay parts at once: together they never take more than the bill.
            Assert.True(succeeded <= order.Bill.Total.Minor, $"Order {order.Id} took {succeeded} on a bill of {order.Bill.Total.Minor}");
            Assert.Equal(order.Balance == Money.Zero, order.Status == OrderStatus.Paid);
        }
        return orders;
    }

    private static async Task<List<Order>> WhenNothingPendingAsync(TestDatabase database)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var db = database.OpenContext();
            var orders = await db.Orders.Include(o => o.Tenders).AsNoTracking().ToListAsync(deadline.Token);
            if (orders.All(o => o.Tenders.All(t => t.Status != TenderStatus.Pending))) return orders;
            await Task.Delay(100, deadline.Token);
        }
    }
}
