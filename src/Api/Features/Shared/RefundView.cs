using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Shared;

/// <summary>Money given back from a tender: in the refund's answer and in the order's list of refunds.</summary>
public sealed record RefundView(string RefundId, string TenderId, decimal Amount, string Reason, string Status, DateTime CreatedAt, string By)
{
    public static readonly string[] Statuses = Enum.GetValues<RefundStatus>().Select(NameOf).ToArray();

    public static string NameOf(RefundStatus status) => status.ToString().ToLowerInvariant();

    public static RefundView From(Refund refund) => new(refund.Id, refund.TenderId, refund.Amount.ToMajor(), refund.Audit.Reason,
        NameOf(refund.Status), refund.CreatedAt.UtcDateTime, refund.Audit.By);

    public static IReadOnlyList<RefundView> AllOf(Order order) =>
        order.Refunds.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(From).ToList();
}
