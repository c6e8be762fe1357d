using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Pricing;

/// <summary>Prices a table: cheapest bundling across all diners, tax on the discounted amount, exact diner shares.</summary>
public static class BillCalculator
{
    public static Bill Calculate(IEnumerable<BillLine> lines, IReadOnlyList<Bundle> bundles, string currency, decimal taxRate)
    {
        var lineList = lines.ToList();
        // Units in the order they are offered to bundles: by diner, then by item, then as ordered, so the choice
        // never depends on how lines happen to be stored (interchangeable items of one diner are taken by item id).
        var units = lineList
            .Select((line, position) => (line, position))
            .OrderBy(x => x.line.Diner is null ? 0 : 1).ThenBy(x => x.line.Diner, StringComparer.Ordinal)
            .ThenBy(x => x.line.MenuItemId, StringComparer.Ordinal).ThenBy(x => x.position)
            .SelectMany(x => Enumerable.Repeat(x.line, x.line.Quantity))
            .ToList();
        var priced = units.Select((line, i) => new PricedUnit(i, line.MenuItemId, line.UnitPrice)).ToList();

        var cost = units.Select(u => u.UnitPrice.Minor).ToArray();
        var bundleUses = new List<BundleUse>();
        foreach (var choice in BundleOptimizer.Cheapest(priced, bundles))
        {
            var listPrices = choice.UnitIds.Select(id => units[id].UnitPrice.Minor).ToList();
            // Each unit's part of the bundle price is in proportion to its list price.
            var parts = Allocation.LargestRemainder(choice.Bundle.Price.Minor, listPrices);
            for (var i = 0; i < parts.Length; i++) cost[choice.UnitIds[i]] = parts[i];
            var listPrice = new Money(listPrices.Sum());
            bundleUses.Add(new BundleUse(choice.Bundle.Id, choice.Bundle.Name, choice.Bundle.Price, listPrice,
                listPrice - choice.Bundle.Price,
                choice.UnitIds.Select(id => units[id].MenuItemId).ToList(),
                choice.UnitIds.Select(id => units[id].LineId).ToList()));
        }

        var subtotal = new Money(units.Sum(u => u.UnitPrice.Minor));
        var discounted = new Money(cost.Sum());
        var tax = Allocation.Tax(discounted, taxRate);
        var total = discounted + tax;

        var diners = units.Select((u, i) => (u.Diner, Cost: cost[i]))
            .GroupBy(x => x.Diner)
            .Select(g => (Diner: g.Key, Amount: g.Sum(x => x.Cost)))
            .OrderBy(d => d.Diner is null ? 0 : 1).ThenBy(d => d.Diner, StringComparer.Ordinal)
            .ToList();
        var taxParts = Allocation.LargestRemainder(tax.Minor, diners.Select(d => d.Amount).ToList());
        var shares = diners.Select((d, i) => new DinerShare(d.Diner, new Money(d.Amount + taxParts[i]))).ToList();

        var items = lineList
            .GroupBy(l => (l.MenuItemId, l.UnitPrice))
            .OrderBy(g => g.Key.MenuItemId, StringComparer.Ordinal).ThenBy(g => g.Key.UnitPrice)
            .Select(g =>
            {
                var quantity = g.Sum(l => l.Quantity);
                return new BillItem(g.Key.MenuItemId, g.First().Name, quantity, g.Key.UnitPrice, g.Key.UnitPrice * quantity);
            })
            .ToList();

        return new Bill(currency, items, bundleUses, subtotal, subtotal - discounted, tax, total, shares);
    }
}
