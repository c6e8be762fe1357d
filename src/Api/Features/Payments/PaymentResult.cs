using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

/// <summary>One tender: <see cref="Diner"/> is whose share it pays, <see cref="AttemptId"/> the payment call it came in.</summary>
public sealed record TenderView(
    string TenderId, string? PaymentId, string AttemptId, int Index, string PaymentMethod, decimal Amount, decimal Tip, string Status,
    string? DeclineCode, string? Message, string? Diner, DateTime CreatedAt)
{
    public const string Card = "credit_card";
    public const string Cash = "cash";

    public static TenderView From(Tender tender) => new(
        tender.Id,
        tender.PaymentId,
        tender.AttemptId,
        tender.Index,
        tender.Method == TenderMethod.Card ? Card : Cash,
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

/// <summary>The answer to one payment call: its tenders' outcomes and where the order stands after them.</summary>
public sealed record PaymentResult(string OrderId, string AttemptId, string Status, IReadOnlyList<TenderView> Results, decimal Paid, decimal Balance)
{
    public static PaymentResult From(Order order, string attemptId) => new(
        order.Id,
        attemptId,
        Orders.OrderView.PaymentStatusName(order.PaymentStatus),
        order.Tenders.Where(t => t.AttemptId == attemptId).OrderBy(t => t.Index).Select(TenderView.From).ToList(),
        order.Paid.ToMajor(),
        (order.Balance ?? Money.Zero).ToMajor());
}
