using Restaurant.Api.Features.Events;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

public static class RefundOutcomes
{
    /// <param name="askingAgain">True when reconciling: the first request may have refunded already.</param>
    public static CardRefund RefundFor(Refund refund, Tender tender, string orderId, bool askingAgain) => new(
        refund.GatewayKey!, tender.PaymentId!, refund.Amount.Minor, orderId, refund.Id, refund.GatewayRefundId, askingAgain);

    /// <summary>
    /// Commits what the gateway said about one pending card refund, in its own transaction; whoever records first wins
    /// (the refund call or a reconciler), since both ask with the same key. Still pending: only a new gateway id is written.
    /// </summary>
    public static Task<bool> RecordRefundAsync(this RestaurantDbContext db, TimeProvider clock, string orderId, string refundId, RefundOutcome outcome)
    {
        db.ChangeTracker.Clear();
        return db.InCommandTransactionAsync(async () =>
        {
            var order = await db.LoadOrderForChangeAsync(orderId, CancellationToken.None);
            var refund = order.Refunds.Single(r => r.Id == refundId);
            if (refund.Status != RefundStatus.Pending) return false;
            var settled = outcome.Kind is RefundOutcomeKind.Succeeded or RefundOutcomeKind.Failed;
            if (!settled && (outcome.RefundId is null || outcome.RefundId == refund.GatewayRefundId)) return false;
            order.RecordRefundOutcome(refundId, new RefundResult(
                outcome.Kind switch
                {
                    RefundOutcomeKind.Succeeded => RefundStatus.Succeeded,
                    RefundOutcomeKind.Failed => RefundStatus.Failed,
                    _ => RefundStatus.Pending,
                },
                outcome.RefundId,
                outcome.FailureReason), clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            db.RecordEvent(KitchenAndMoneyEvents.Refunded(order, refund));
            return true;
        }, CancellationToken.None);
    }
}
