using Restaurant.Api.Features.Shared;
using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Receipts;

/// <summary>
/// What a receipt says, in the order it says it, worked out once from the order so that the plain-text and the HTML
/// receipt never disagree: the lines (voided ones left out, comps shown), bundles, the bill's steps, tenders and refunds.
/// Text here is the guests' and staff's own (names, notes, reasons): each rendering escapes it as its format needs.
/// </summary>
public sealed record Receipt(
    string RestaurantName,
    string Table,
    string OrderId,
    DateTimeOffset Date,
    string Currency,
    IReadOnlyList<Receipt.Line> Lines,
    IReadOnlyList<Receipt.Entry> Bundles,
    IReadOnlyList<Receipt.Entry> Totals,
    IReadOnlyList<Receipt.Entry> Payments,
    IReadOnlyList<Receipt.Entry> Refunds,
    Money? Balance)
{
    /// <param name="Options">The options chosen, with their prices, one per entry ("Oat milk +0.50").</param>
    public sealed record Line(int Quantity, string Name, IReadOnlyList<string> Options, decimal Amount, bool Comped);

    /// <summary>A labelled amount; <see cref="Negative"/> ones are taken off (bundle savings, discounts, refunds).</summary>
    public sealed record Entry(string Label, decimal Amount, bool Negative = false, string? Note = null);

    public static Receipt Of(Order order, string restaurantName, string currency)
    {
        var lines = order.Bill is { } bill
            ? bill.Items.Select(i => new Line(i.Quantity, i.Name, i.Options.Select(OptionText).ToList(), i.Amount.ToMajor(), i.Comped)).ToList()
            : order.Lines.Where(l => !l.IsVoided).OrderBy(l => l.Position).Select(l =>
                new Line(l.Quantity.Value, l.Name, l.Options.Select(OptionText).ToList(), (l.UnitPrice * l.Quantity.Value).ToMajor(), l.Comp is not null)).ToList();
        var bundles = order.Bill?.Bundles.Select(b => new Entry(b.Name, b.Savings.ToMajor(), Negative: true)).ToList() ?? [];
        var totals = new List<Entry>();
        if (order.Bill is { } b)
        {
            totals.Add(new Entry("Subtotal", b.Subtotal.ToMajor()));
            if (b.Comps > Money.Zero) totals.Add(new Entry("Comps", b.Comps.ToMajor(), Negative: true));
            if (b.Savings > Money.Zero) totals.Add(new Entry("Bundle savings", b.Savings.ToMajor(), Negative: true));
            totals.AddRange(b.Discounts.Select(d => new Entry("Discount", d.Amount.ToMajor(), Negative: true, Note: d.Reason)));
            if (b.ServiceCharge > Money.Zero)
                totals.Add(new Entry($"Service charge {(b.ServiceChargeRate * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%", b.ServiceCharge.ToMajor()));
            totals.Add(new Entry("Tax", b.Tax.ToMajor()));
            totals.Add(new Entry("Total", b.Total.ToMajor()));
        }
        var payments = order.Tenders.Where(t => t.Status == TenderStatus.Succeeded).OrderBy(t => t.CreatedAt).ThenBy(t => t.Index)
            .Select(t => new Entry(TenderLabel(t), t.Amount.ToMajor(), Note: t.Tip > Money.Zero ? $"tip {t.Tip}" : null)).ToList();
        var refunds = order.Refunds.Where(r => r.Status != RefundStatus.Failed).OrderBy(r => r.CreatedAt)
            .Select(r => new Entry(r.Status == RefundStatus.Pending ? "Refund (pending)" : "Refund", r.Amount.ToMajor(), Negative: true, Note: r.Audit.Reason))
            .ToList();
        var date = order.Tenders.Where(t => t.Status == TenderStatus.Succeeded).Select(t => (DateTimeOffset?)t.CreatedAt).Max() ?? order.CreatedAt;
        return new Receipt(restaurantName, order.Table, order.Id, date, order.Bill?.Currency ?? currency, lines, bundles, totals, payments, refunds,
            order.Balance);
    }

    private static string OptionText(Domain.Menus.ChosenOption option) =>
        option.Price > Money.Zero ? $"{option.Name} +{option.Price}" : option.Name;

    /// <summary>"Cash", or "Card visa •••• 4242" when the gateway told the brand and last 4.</summary>
    private static string TenderLabel(Tender tender) => tender.Method == TenderMethod.Cash
        ? "Cash"
        : string.Join(' ', new[] { "Card", tender.CardBrand, tender.CardLast4 is { } last4 ? "•••• " + last4 : null }.Where(p => p is not null));

    public static string Amount(decimal amount, bool negative = false) =>
        (negative ? "-" : "") + amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static string PaymentMethodOf(Tender tender) => PaymentMethods.NameOf(tender.Method);
}
