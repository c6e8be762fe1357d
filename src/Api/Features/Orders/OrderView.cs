using System.Text.Json.Serialization;
using Restaurant.Api.Features.Shared;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Orders;

public sealed record OrderView(
    string Id,
    string Table,
    int? Guests,
    string Status,
    string PaymentStatus,
    long Version,
    IReadOnlyList<LineView> Pending,
    IReadOnlyList<LineView> Held,
    IReadOnlyList<TicketView> Tickets,
    IReadOnlyList<DiscountView> Discounts,
    decimal? ServiceChargeRate,
    BillView? Bill,
    IReadOnlyList<TenderView> Payments,
    IReadOnlyList<RefundView> Refunds,
    decimal Paid,
    decimal Refunded,
    decimal? Balance)
{
    /// <summary>Only in the answer to POST /orders (opened or joined): the one time this diner's token is shown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AccessToken { get; init; }

    public static OrderView From(Order order)
    {
        var lines = order.Lines.OrderBy(l => l.Position).ToList();
        return new OrderView(
            order.Id,
            order.Table,
            order.Guests,
            StatusName(order.Status),
            PaymentStatusName(order.PaymentStatus),
            order.Version,
            lines.Where(l => l.IsPending).Select(LineView.From).ToList(),
            lines.Where(l => l.IsHeld).Select(LineView.From).ToList(),
            order.Tickets.OrderBy(t => t.Number).Select(t => TicketView.From(order, t)).ToList(),
            order.DiscountsInForce.Select(DiscountView.From).ToList(),
            order.ServiceChargeRate,
            order.Bill is null ? null : BillView.From(order),
            TenderView.AllOf(order),
            RefundView.AllOf(order),
            order.Paid.ToMajor(),
            order.Refunded.ToMajor(),
            order.Balance?.ToMajor());
    }

    public static string StatusName(OrderStatus status) => status.ToString().ToLowerInvariant();

    public static string PaymentStatusName(PaymentStatus status) => status switch
    {
        Domain.Orders.PaymentStatus.Paid => "paid",
        Domain.Orders.PaymentStatus.PartiallyPaid => "partially_paid",
        _ => "unpaid",
    };
}
