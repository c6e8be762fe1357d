using Restaurant.Api.Features.Shared;
using Restaurant.Domain.Orders;
using Restaurant.Domain.Pricing;

namespace Restaurant.Api.Features.Orders;

public sealed record BillView(
    string OrderId,
    string Currency,
    IReadOnlyList<BillView.Item> Items,
    IReadOnlyList<BillView.BundleApplied> Bundles,
    decimal Subtotal,
    decimal Comps,
    decimal Savings,
    IReadOnlyList<BillView.DiscountApplied> Discounts,
    decimal Discount,
    decimal ServiceCharge,
    decimal Tax,
    decimal Total,
    IReadOnlyList<BillView.Share> Shares,
    BillView.PricingReport Pricing,
    decimal Paid,
    decimal Balance)
{
    /// <summary>Units of one item with the same options and price; comped units are an item of their own, at full <see cref="Amount"/>.</summary>
    public sealed record Item(string MenuItemId, string Name, IReadOnlyList<ChosenOptionView> Options, int Quantity, decimal UnitPrice,
        decimal Amount, bool Comped);

    public sealed record BundleApplied(string BundleId, string Name, decimal Price, decimal ListPrice, decimal Savings,
        IReadOnlyList<string> MenuItemIds, IReadOnlyList<string> LineIds);

    /// <summary>What one of the order's discounts took off this bill.</summary>
    public sealed record DiscountApplied(string DiscountId, string Reason, decimal Amount);

    /// <summary>One diner's part of the total, and what tenders tagged with that diner have paid of it.</summary>
    public sealed record Share(string? Diner, decimal Amount, decimal Paid);

    /// <summary><see cref="Optimal"/> is false only when the pricing search hit its safety budget (docs/benchmarks.md).</summary>
    public sealed record PricingReport(bool Optimal);

    /// <summary>The order's frozen bill, with what has been paid so far (in all, and by each diner).</summary>
    public static BillView From(Order order) => From(order.Id, order.Bill!, order.Paid, order.PaidBy);

    private static BillView From(string orderId, Bill bill, Domain.Money paid, Func<string?, Domain.Money> paidBy) => new(
        orderId,
        bill.Currency,
        bill.Items.Select(i => new Item(i.MenuItemId, i.Name, i.Options.Select(ChosenOptionView.From).ToList(), i.Quantity,
            i.UnitPrice.ToMajor(), i.Amount.ToMajor(), i.Comped)).ToList(),
        bill.Bundles.Select(b => new BundleApplied(b.BundleId, b.Name, b.Price.ToMajor(), b.ListPrice.ToMajor(),
            b.Savings.ToMajor(), b.MenuItemIds, b.LineIds)).ToList(),
        bill.Subtotal.ToMajor(),
        bill.Comps.ToMajor(),
        bill.Savings.ToMajor(),
        bill.Discounts.Select(d => new DiscountApplied(d.DiscountId, d.Reason, d.Amount.ToMajor())).ToList(),
        bill.Discount.ToMajor(),
        bill.ServiceCharge.ToMajor(),
        bill.Tax.ToMajor(),
        bill.Total.ToMajor(),
        bill.Shares.Select(s => new Share(s.Diner, s.Amount.ToMajor(), paidBy(s.Diner).ToMajor())).ToList(),
        new PricingReport(bill.Optimal),
        paid.ToMajor(),
        bill.BalanceAfter(paid).ToMajor());
}
