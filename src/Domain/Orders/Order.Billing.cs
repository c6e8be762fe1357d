using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Orders;

/// <summary>The bill: priced once from the sent lines, then frozen.</summary>
public sealed partial class Order
{
    /// <summary>
    /// Prices the bill this order would close with now, without closing it: pricing may take a while, so the API runs
    /// it outside every lock and then freezes the result with <see cref="CloseWithBill(PricedBill, DateTimeOffset)"/>, which refuses
    /// it if the order changed meanwhile.
    /// </summary>
    public PricedBill PriceBill(Menu menu, CancellationToken cancellationToken = default)
    {
        EnsureBillable();
        // Voided units are gone from the bill; comped ones stay on it at zero.
        var units = _lines.Where(l => !l.IsVoided).OrderBy(l => l.Position)
            .Select(l => new BillLine(l.Id, l.MenuItemId, l.Name, l.Quantity.Value, l.UnitPrice, l.Diner) { Options = l.Options, Comped = l.Comp is not null });
        return new PricedBill(BillCalculator.Calculate(units, menu.Bundles, menu.Currency, menu.TaxRate, AdjustmentsUnder(menu),
            PricingBudget.Default, cancellationToken), Version);
    }

    /// <summary>Closes the order with the bill priced once; asking again returns that same frozen bill.</summary>
    public Bill CloseWithBill(Menu menu, DateTimeOffset now) => Bill ?? CloseWithBill(PriceBill(menu), now);

    /// <summary>Closes the order with a bill priced at its current version; a bill already frozen stays as it is.</summary>
    public Bill CloseWithBill(PricedBill priced, DateTimeOffset now)
    {
        if (Bill is not null) return Bill;
        EnsureBillable();
        if (priced.OrderVersion != Version)
            throw new DomainException(DomainErrors.BillOutdated, $"The bill was priced at version {priced.OrderVersion}, but the order is at version {Version}.");
        Apply(OrderAction.Bill, now);
        Bill = priced.Bill;
        return Bill;
    }

    private void EnsureBillable()
    {
        EnsureAllowed(OrderAction.Bill);
        if (_lines.Any(l => l.IsWaiting))
            throw new DomainException(DomainErrors.PendingItems, "Some lines were never sent to the kitchen: submit (or fire) or remove them first.");
        if (_lines.All(l => l.IsVoided))
            throw new DomainException(DomainErrors.EmptyOrder, "Nothing was ordered (or every line was voided), so there is nothing to bill.");
    }
}
