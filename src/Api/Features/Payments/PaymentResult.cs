using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

public sealed record TenderView(
    int Index, string PaymentMethod, decimal Amount, decimal Tip, string Status, string? DeclineCode, string? Message, string? PaymentId)
{
    public const string Card = "credit_card";
    public const string Cash = "cash";

    public static TenderView From(Tender tender) => new(
        tender.Index,
        tender.Method == TenderMethod.Card ? Card : Cash,
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

/// <summary>The answer to one payment call: its tenders' outcomes and where the order stands after them.</summary>
public sealed record PaymentResult(string OrderId, string Status, IReadOnlyList<TenderView> Results, decimal Paid, decimal Balance)
{
    public static PaymentResult From(Order order, string attemptId) => new(
        order.Id,
        order.Status == OrderStatus.Paid ? "paid" : order.Paid > Money.Zero ? "partially_paid" : "unpaid",
        order.Tenders.Where(t => t.AttemptId == attemptId).OrderBy(t => t.Index).Select(TenderView.From).ToList(),
        order.Paid.ToMajor(),
        (order.Balance ?? Money.Zero).ToMajor());
}
