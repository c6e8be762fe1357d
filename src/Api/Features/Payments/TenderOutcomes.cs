using Restaurant.Api.Features.Events;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

public static class TenderOutcomes
{
    /// <param name="askingAgain">True when reconciling: the first request may have charged the card already.</param>
    public static CardCharge ChargeFor(Tender tender, string orderId, bool askingAgain) => new(
        tender.GatewayKey!, tender.Charge.Minor, tender.Currency, tender.CardToken!, orderId, tender.Id, tender.PaymentId, askingAgain);

    /// <summary>
    /// Commits what the gateway said about one pending card, in its own transaction. Whoever records first wins (the
    /// payment call or a reconciler); the gateway answers both alike, because they ask with the same key.
    /// </summary>
    public static Task<bool> RecordAsync(this RestaurantDbContext db, TimeProvider clock, string orderId, string tenderId, CardOutcome outcome)
    {
        db.ChangeTracker.Clear();
        return db.InCommandTransactionAsync(async () =>
        {
            var order = await db.LoadOrderForChangeAsync(orderId, CancellationToken.None);
            var tender = order.Tenders.Single(t => t.Id == tenderId);
            if (tender.Status != TenderStatus.Pending) return false;
            // Still unknown: worth a write only for a new gateway id ("processing"), which the reconciler then looks up.
            if (outcome.Kind == CardOutcomeKind.Unknown && (outcome.PaymentId is null || outcome.PaymentId == tender.PaymentId)) return false;
            order.RecordOutcome(tenderId, ResultOf(outcome), clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            db.RecordPayment(order, tender.AttemptId, [tender]);
            return true;
        }, CancellationToken.None);
    }

    private static TenderResult ResultOf(CardOutcome outcome) => new(
        outcome.Kind switch
        {
            CardOutcomeKind.Succeeded => TenderStatus.Succeeded,
            CardOutcomeKind.Declined => TenderStatus.Declined,
            _ => TenderStatus.Pending,
        },
        outcome.PaymentId,
        outcome.DeclineCode,
        // Stripe's messages are short; the column is bounded anyway.
        outcome.Message is { Length: > Tender.MaxMessageLength } message ? message[..Tender.MaxMessageLength] : outcome.Message,
        outcome.CardBrand,
        outcome.CardLast4);
}
