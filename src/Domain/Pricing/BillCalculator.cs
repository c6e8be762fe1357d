using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Pricing;

/// <summary>Prices a table: cheapest bundling across all diners, tax on the discounted amount, exact diner shares.</summary>
public static class BillCalculator
{
    /// <summary>The bill, with the bundle search bounded by <see cref="PricingBudget.Default"/>.</summary>
    /// <exception cref="OperationCanceledException">The caller gave up (checked every few hundred pivots).</exception>
    public static Bill Calculate(IEnumerable<BillLine> lines, IReadOnlyList<Bundle> bundles, string currency, decimal taxRate,
        CancellationToken cancellationToken = default) =>
        Calculate(lines, bundles, currency, taxRate, PricingBudget.Default, cancellationToken);

    /// <summary>The bill; if the bundle search runs out of <paramref name="budget"/>, it bills the best bundling found
    /// and <see cref="Bill.Optimal"/> is false.</summary>
    public static Bill Calculate(IEnumerable<BillLine> lines, IReadOnlyList<Bundle> bundles, string currency, decimal taxRate,
        PricingBudget budget, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lineList = lines.ToList();
        // Units in the order they are offered to bundles: by diner, then by item, then as ordered, so the choice
        // never depends on how lines happen to be stored (interchangeable items of one diner are taken by item id).
        var order = new int[lineList.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) =>
        {
            var byDiner = CompareDiners(lineList[x].Diner, lineList[y].Diner);
            if (byDiner != 0) return byDiner;
            var byItem = string.CompareOrdinal(lineList[x].MenuItemId, lineList[y].MenuItemId);
            return byItem != 0 ? byItem : x.CompareTo(y);
        });
        var units = new List<BillLine>(lineList.Sum(l => l.Quantity));
        foreach (var i in order)
            for (var q = 0; q < lineList[i].Quantity; q++) units.Add(lineList[i]);
        var priced = new PricedUnit[units.Count];
        for (var i = 0; i < priced.Length; i++) priced[i] = new PricedUnit(i, units[i].MenuItemId, units[i].UnitPrice);

        var cost = new long[units.Count];
        for (var i = 0; i < cost.Length; i++) cost[i] = units[i].UnitPrice.Minor;
        var bundleUses = new List<BundleUse>();
        var plan = BundleOptimizer.Cheapest(priced, bundles, budget, cancellationToken);
        foreach (var choice in plan.Choices)
        {
            var listPrices = new long[choice.UnitIds.Count];
            var menuItemIds = new List<string>(listPrices.Length);
            var lineIds = new List<string>(listPrices.Length);
            long listPrice = 0;
            for (var s = 0; s < listPrices.Length; s++)
            {
                var unit = units[choice.UnitIds[s]];
                listPrice += listPrices[s] = unit.UnitPrice.Minor;
                menuItemIds.Add(unit.MenuItemId);
                lineIds.Add(unit.LineId);
            }
            // Each unit's part of the bundle price is in proportion to its list price.
            var parts = Allocation.LargestRemainder(choice.Bundle.Price.Minor, listPrices);
            for (var i = 0; i < parts.Length; i++) cost[choice.UnitIds[i]] = parts[i];
            bundleUses.Add(new BundleUse(choice.Bundle.Id, choice.Bundle.Name, choice.Bundle.Price, new Money(listPrice),
                new Money(listPrice) - choice.Bundle.Price, menuItemIds, lineIds));
        }

        var subtotal = new Money(units.Sum(u => u.UnitPrice.Minor));
        var discounted = new Money(cost.Sum());
        var tax = Allocation.Tax(discounted, taxRate);
        var total = discounted + tax;

        // Units are already grouped by diner, in diner order.
        var diners = new List<(string? Diner, long Amount)>();
        for (var i = 0; i < units.Count; i++)
        {
            if (diners.Count > 0 && diners[^1].Diner == units[i].Diner) diners[^1] = (units[i].Diner, diners[^1].Amount + cost[i]);
            else diners.Add((units[i].Diner, cost[i]));
        }
        var taxParts = Allocation.LargestRemainder(tax.Minor, diners.Select(d => d.Amount).ToList());
        var shares = diners.Select((d, i) => new DinerShare(d.Diner, new Money(d.Amount + taxParts[i]))).ToList();

        // One item per menu item and unit price, by item id then price; named after its first line.
        var byItem = new int[lineList.Count];
        for (var i = 0; i < byItem.Length; i++) byItem[i] = i;
        Array.Sort(byItem, (x, y) =>
        {
            var byId = string.CompareOrdinal(lineList[x].MenuItemId, lineList[y].MenuItemId);
            if (byId != 0) return byId;
            var byPrice = lineList[x].UnitPrice.CompareTo(lineList[y].UnitPrice);
            return byPrice != 0 ? byPrice : x.CompareTo(y);
        });
        var items = new List<BillItem>();
        for (var k = 0; k < byItem.Length;)
        {
            var first = lineList[byItem[k]];
            var quantity = 0;
            for (; k < byItem.Length && lineList[byItem[k]].MenuItemId == first.MenuItemId && lineList[byItem[k]].UnitPrice == first.UnitPrice; k++)
                quantity += lineList[byItem[k]].Quantity;
            items.Add(new BillItem(first.MenuItemId, first.Name, quantity, first.UnitPrice, first.UnitPrice * quantity));
        }

        return new Bill(currency, items, bundleUses, subtotal, subtotal - discounted, tax, total, shares, plan.Optimal);
    }

    /// <summary>Lines without a diner first, then diners by name.</summary>
    private static int CompareDiners(string? x, string? y) =>
        x is null ? (y is null ? 0 : -1) : y is null ? 1 : string.CompareOrdinal(x, y);
}
