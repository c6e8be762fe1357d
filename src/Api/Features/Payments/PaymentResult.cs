using Restaurant.Api.Features.Shared;
using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

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
