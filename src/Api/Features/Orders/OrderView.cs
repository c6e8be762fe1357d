using System.Text.Json.Serialization;
using Restaurant.Api.Features.Payments;
using Restaurant.Api.Features.Shared;
using Restaurant.Domain.Orders;
using Restaurant.Domain.Pricing;

namespace Restaurant.Api.Features.Orders;

/// <summary>A ticket of one order: the lines it sent (an order ticket) or the lines it voided (a void ticket).</summary>
public sealed record TicketView(int Number, string Kind, DateTime SubmittedAt, IReadOnlyList<LineView> Lines)
{
    public static TicketView From(Order order, Ticket ticket) => new(ticket.Number, LineStatusNames.NameOf(ticket.Kind),
        ticket.SubmittedAt.UtcDateTime, order.LinesOf(ticket).Select(LineView.From).ToList());
}

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

public sealed record BillView(
    string OrderId,
    string Currency,
    IReadOnlyList<BillView.Item> Items,
    IReadOnlyList<BillView.BundleApplied> Bundles,
    decimal Subtotal,
    decimal Comps,
    decimal Savings,
    decimal Tax,
    decimal Total,
    IReadOnlyList<BillView.Share> Shares,
    BillView.PricingReport Pricing,
    decimal Paid,
    decimal Balance)
{
    public sealed record Item(string MenuItemId, string Name, IReadOnlyList<OptionView> Options, int Quantity, decimal UnitPrice,
        decimal Amount, bool Comped);

    public sealed record BundleApplied(string BundleId, string Name, decimal Price, decimal ListPrice, decimal Savings,
        IReadOnlyList<string> MenuItemIds, IReadOnlyList<string> LineIds);

    public sealed record Share(string? Diner, decimal Amount);

    /// <summary><see cref="Optimal"/> is false only when the pricing search hit its safety budget (docs/benchmarks.md).</summary>
    public sealed record PricingReport(bool Optimal);

    public static BillView From(string orderId, Bill bill, Domain.Money paid) => new(
        orderId,
        bill.Currency,
        bill.Items.Select(i => new Item(i.MenuItemId, i.Name, i.Options.Select(OptionView.From).ToList(), i.Quantity,
            i.UnitPrice.ToMajor(), i.Amount.ToMajor(), i.Comped)).ToList(),
        bill.Bundles.Select(b => new BundleApplied(b.BundleId, b.Name, b.Price.ToMajor(), b.ListPrice.ToMajor(),
            b.Savings.ToMajor(), b.MenuItemIds, b.LineIds)).ToList(),
        bill.Subtotal.ToMajor(),
        bill.Comps.ToMajor(),
        bill.Savings.ToMajor(),
        bill.Tax.ToMajor(),
        bill.Total.ToMajor(),
        bill.Shares.Select(s => new Share(s.Diner, s.Amount.ToMajor())).ToList(),
        new PricingReport(bill.Optimal),
        paid.ToMajor(),
        bill.BalanceAfter(paid).ToMajor());
}
