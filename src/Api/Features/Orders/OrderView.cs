using System.Text.Json.Serialization;
using Restaurant.Api.Features.Payments;
using Restaurant.Domain.Orders;
using Restaurant.Domain.Pricing;

namespace Restaurant.Api.Features.Orders;

public sealed record LineView(string LineId, string MenuItemId, string Name, int Quantity, decimal UnitPrice, string? Diner, string? Note)
{
    public static LineView From(OrderLine line) =>
        new(line.Id, line.MenuItemId, line.Name, line.Quantity.Value, line.UnitPrice.ToMajor(), line.Diner, line.Note);
}

public sealed record TicketView(int Number, DateTime SubmittedAt, IReadOnlyList<LineView> Lines);

public sealed record OrderView(
    string Id,
    string Table,
    int? Guests,
    string Status,
    string PaymentStatus,
    long Version,
    IReadOnlyList<LineView> Pending,
    IReadOnlyList<TicketView> Tickets,
    BillView? Bill,
    IReadOnlyList<TenderView> Payments,
    decimal Paid,
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
            order.Tickets.OrderBy(t => t.Number)
                .Select(t => new TicketView(t.Number, t.SubmittedAt.UtcDateTime,
                    lines.Where(l => l.TicketNumber == t.Number).Select(LineView.From).ToList()))
                .ToList(),
            order.Bill is null ? null : BillView.From(order),
            TenderView.AllOf(order),
            order.Paid.ToMajor(),
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

public sealed record BillView(
    string OrderId,
    string Currency,
    IReadOnlyList<BillView.Item> Items,
    IReadOnlyList<BillView.BundleApplied> Bundles,
    decimal Subtotal,
    decimal Savings,
    decimal Tax,
    decimal Total,
    IReadOnlyList<BillView.Share> Shares,
    BillView.PricingReport Pricing,
    decimal Paid,
    decimal Balance)
{
    public sealed record Item(string MenuItemId, string Name, int Quantity, decimal UnitPrice, decimal Amount);

    public sealed record BundleApplied(string BundleId, string Name, decimal Price, decimal ListPrice, decimal Savings,
        IReadOnlyList<string> MenuItemIds, IReadOnlyList<string> LineIds);

    /// <summary>One diner's part of the total, and what tenders tagged with that diner have paid of it.</summary>
    public sealed record Share(string? Diner, decimal Amount, decimal Paid);

    /// <summary><see cref="Optimal"/> is false only when the pricing search hit its safety budget (docs/benchmarks.md).</summary>
    public sealed record PricingReport(bool Optimal);

    /// <summary>The order's frozen bill, with what has been paid so far (in all, and by each diner).</summary>
    public static BillView From(Order order) => From(order.Id, order.Bill!, order.Paid, order.PaidBy);

    private static BillView From(string orderId, Bill bill, Domain.Money paid, Func<string?, Domain.Money> paidBy) => new(
        orderId,
        bill.Currency,
        bill.Items.Select(i => new Item(i.MenuItemId, i.Name, i.Quantity, i.UnitPrice.ToMajor(), i.Amount.ToMajor())).ToList(),
        bill.Bundles.Select(b => new BundleApplied(b.BundleId, b.Name, b.Price.ToMajor(), b.ListPrice.ToMajor(),
            b.Savings.ToMajor(), b.MenuItemIds, b.LineIds)).ToList(),
        bill.Subtotal.ToMajor(),
        bill.Savings.ToMajor(),
        bill.Tax.ToMajor(),
        bill.Total.ToMajor(),
        bill.Shares.Select(s => new Share(s.Diner, s.Amount.ToMajor(), paidBy(s.Diner).ToMajor())).ToList(),
        new PricingReport(bill.Optimal),
        paid.ToMajor(),
        bill.BalanceAfter(paid).ToMajor());
}
