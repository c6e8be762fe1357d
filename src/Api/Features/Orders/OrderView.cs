using System.Text.Json.Serialization;
using Restaurant.Api.Features.Shared;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Orders;

public sealed record OrderView(
    string Id,
    string Table,
    int? Guests,
    string Status,
    IReadOnlyList<LineView> Pending,
    IReadOnlyList<LineView> Held,
    IReadOnlyList<TicketView> Tickets,
    BillView? Bill,
    IReadOnlyList<TenderView> Payments,
    decimal? Balance)
{
    /// <summary>Only in the answer to POST /orders: the one time the diner's token is shown.</summary>
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
            lines.Where(l => l.IsPending).Select(LineView.From).ToList(),
            lines.Where(l => l.IsHeld).Select(LineView.From).ToList(),
            order.Tickets.OrderBy(t => t.Number).Select(t => TicketView.From(order, t)).ToList(),
            order.Bill is null ? null : BillView.From(order.Id, order.Bill, order.Paid),
            TenderView.AllOf(order),
            order.Balance?.ToMajor());
    }

    public static string StatusName(OrderStatus status) => status.ToString().ToLowerInvariant();
}
