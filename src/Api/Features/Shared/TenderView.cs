using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Shared;

/// <summary>
/// One tender as the API shows it: in a payment's answer and in the order's list of payments. <see cref="Diner"/> is
/// whose share it pays, <see cref="AttemptId"/> the payment call it came in.
/// </summary>
public sealed record TenderView(
    string TenderId, string? PaymentId, string AttemptId, int Index, string PaymentMethod, decimal Amount, decimal Tip, string Status,
    string? DeclineCode, string? Message, string? Diner, DateTime CreatedAt)
{
    public static TenderView From(Tender tender) => new(
        tender.Id,
        tender.PaymentId,
        tender.AttemptId,
        tender.Index,
        PaymentMethods.NameOf(tender.Method),
        tender.Amount.ToMajor(),
        tender.Tip.ToMajor(),
        tender.Status.ToString().ToLowerInvariant(),
        tender.DeclineCode,
        tender.Message,
        tender.Diner,
        tender.CreatedAt.UtcDateTime);

    /// <summary>Every tender of an order, payment call by payment call.</summary>
    public static IReadOnlyList<TenderView> AllOf(Order order) =>
        order.Tenders.OrderBy(t => t.CreatedAt).ThenBy(t => t.AttemptId).ThenBy(t => t.Index).Select(From).ToList();
}
