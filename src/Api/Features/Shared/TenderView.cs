using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Shared;

/// <summary>One tender as the API shows it: in a payment's answer and in the order's list of payments.</summary>
public sealed record TenderView(
    int Index, string PaymentMethod, decimal Amount, decimal Tip, string Status, string? DeclineCode, string? Message, string? PaymentId)
{
    public static TenderView From(Tender tender) => new(
        tender.Index,
        PaymentMethods.NameOf(tender.Method),
        tender.Amount.ToMajor(),
        tender.Tip.ToMajor(),
        tender.Status.ToString().ToLowerInvariant(),
        tender.DeclineCode,
        tender.Message,
        tender.PaymentId);

    /// <summary>Every tender of an order, payment call by payment call.</summary>
    public static IReadOnlyList<TenderView> AllOf(Order order) =>
        order.Tenders.OrderBy(t => t.CreatedAt).ThenBy(t => t.AttemptId).ThenBy(t => t.Index).Select(From).ToList();
}
