using Microsoft.EntityFrameworkCore;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Tests.Support;

/// <summary>The check that Stripe's refunds and our refund rows agree, once reconciliation has settled every refund.</summary>
public static class RefundLedger
{
    /// <summary>
    /// Waits until no refund is pending, then checks: no refund was made twice (one Stripe refund per refund row at
    /// most), every Stripe refund belongs to a card refund of ours with its amount and status, every succeeded card
    /// refund has its Stripe refund, and no tender gave back more than it took.
    /// </summary>
    public static async Task<IReadOnlyList<Order>> AssertAgreesAsync(TestDatabase database, FakeStripe stripe)
    {
        var orders = await WhenNothingPendingAsync(database);
        await stripe.WhenIdleAsync();
        var made = stripe.Refunds;
        var ours = orders.SelectMany(o => o.Refunds).Where(r => r.GatewayKey is not null).ToDictionary(r => r.GatewayKey!);

        Assert.Equal(made.Count, made.Select(r => r.IdempotencyKey).Distinct().Count());
        foreach (var refund in made)
        {
            Assert.True(ours.TryGetValue(refund.IdempotencyKey, out var row), $"Stripe made refund {refund.IdempotencyKey}, which no refund row holds");
            Assert.Equal(refund.Amount, row!.Amount.Minor);
            Assert.Equal(refund.RefundId, row.GatewayRefundId);
            Assert.Equal(refund.Status == FakeRefundStatus.Succeeded ? RefundStatus.Succeeded : RefundStatus.Failed, row.Status);
        }
        var madeByKey = made.ToDictionary(r => r.IdempotencyKey);
        foreach (var row in ours.Values.Where(r => r.Status == RefundStatus.Succeeded))
            Assert.True(madeByKey.ContainsKey(row.GatewayKey!), $"Refund {row.Id} succeeded without a Stripe refund");
        foreach (var order in orders)
        foreach (var tender in order.Tenders)
            Assert.True(order.Refunds.Where(r => r.TenderId == tender.Id && r.Status == RefundStatus.Succeeded).Sum(r => r.Amount.Minor) <= tender.Charge.Minor,
                $"Tender {tender.Id} gave back more than it took");
        return orders;
    }

    private static async Task<List<Order>> WhenNothingPendingAsync(TestDatabase database)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var db = database.OpenContext();
            var orders = await db.Orders.Include(o => o.Tenders).Include(o => o.Refunds).AsNoTracking().ToListAsync(deadline.Token);
            if (orders.All(o => o.Refunds.All(r => r.Status != RefundStatus.Pending))) return orders;
            await Task.Delay(100, deadline.Token);
        }
    }
}
