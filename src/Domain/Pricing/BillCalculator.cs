using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Pricing;

/// <summary>
/// Prices a table: cheapest bundling across all diners, tax on the discounted amount, exact diner shares. A unit fills
/// a bundle slot by its item, at its item's price; the options it carries are always paid on top and never discounted,
/// and comped units are billed at zero and fill no bundle. So the optimizer sees items and their prices only, and a
/// table with options costs it no more than the same table without them.
/// </summary>
public static class BillCalculator
{
    /// <summary>The bill, with the bundle search bounded by <see cref="PricingBudget.Default"/>.</summary>
    /// <exception cref="OperationCanceledException">The caller gave up (checked every few hundred pivots).</exception>
    public static Bill Calculate(IEnumerable<BillLine> lines, IReadOnlyList<Bundle> bundles, string currency, decimal taxRate,
        CancellationToken cancellationToken = default) =>
        Calculate(lines, bundles, currency, taxRate, BillAdjustments.None, PricingBudget.Default, cancellationToken);

    /// <summary>The bill with no discount and no service charge.</summary>
    public static Bill Calculate(IEnumerable<BillLine> lines, IReadOnlyList<Bundle> bundles, string currency, decimal taxRate,
        PricingBudget budget, CancellationToken cancellationToken = default) =>
        Calculate(lines, bundles, currency, taxRate, BillAdjustments.None, budget, cancellationToken);

    /// <summary>
    /// The bill, steps 1 to 6 (docs/api.md); if the bundle search runs out of <paramref name="budget"/>, it bills the
    /// best bundling found and <see cref="Bill.Optimal"/> is false.
    /// </summary>
    public static Bill Calculate(IEnumerable<BillLine> lines, IReadOnlyList<Bundle> bundles, string currency, decimal taxRate,
        BillAdjustments adjustments, PricingBudget budget, CancellationToken cancellationToken = default)
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
        int unitCount = 0, compedCount = 0;
        foreach (var line in lineList)
        {
            unitCount += line.Quantity;
            if (line.Comped) compedCount += line.Quantity;
        }
        var units = new BillLine[unitCount];
        // What each unit costs: its unit price, zero when comped, or its part of a bundle plus its options. The
        // optimizer is offered the units that are not comped, each by its item at the item's price.
        var cost = new long[unitCount];
        var itemPrice = new long[unitCount];
        var optionsPrice = new long[unitCount];
        var priced = new PricedUnit[unitCount - compedCount];
        long subtotalMinor = 0, compsMinor = 0;
        int unit = 0, offered = 0;
        foreach (var i in order)
        {
            var line = lineList[i];
            var options = line.OptionsPrice.Minor;
            for (var q = 0; q < line.Quantity; q++, unit++)
            {
                units[unit] = line;
                optionsPrice[unit] = options;
                itemPrice[unit] = line.UnitPrice.Minor - options;
                subtotalMinor += line.UnitPrice.Minor;
                if (line.Comped)
                {
                    compsMinor += line.UnitPrice.Minor;
                    continue;
                }
                cost[unit] = line.UnitPrice.Minor;
                priced[offered++] = new PricedUnit(unit, line.MenuItemId, new Money(itemPrice[unit]));
            }
        }
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
                var u = choice.UnitIds[s];
                listPrice += listPrices[s] = itemPrice[u];
                menuItemIds.Add(units[u].MenuItemId);
                lineIds.Add(units[u].LineId);
            }
            // Each unit's part of the bundle price is in proportion to its item's list price.
            var parts = Allocation.LargestRemainder(choice.Bundle.Price.Minor, listPrices);
            for (var i = 0; i < parts.Length; i++) cost[choice.UnitIds[i]] = parts[i] + optionsPrice[choice.UnitIds[i]];
            bundleUses.Add(new BundleUse(choice.Bundle.Id, choice.Bundle.Name, choice.Bundle.Price, new Money(listPrice),
                new Money(listPrice) - choice.Bundle.Price, menuItemIds, lineIds));
        }

        var subtotal = new Money(subtotalMinor);
        var comps = new Money(compsMinor);
        var discounted = new Money(cost.Sum());

        // Units are already grouped by diner, in diner order.
        var diners = new List<(string? Diner, long Amount)>();
        for (var i = 0; i < units.Length; i++)
        {
            if (diners.Count > 0 && diners[^1].Diner == units[i].Diner) diners[^1] = (units[i].Diner, diners[^1].Amount + cost[i]);
            else diners.Add((units[i].Diner, cost[i]));
        }
        var totals = BillTotals.Apply(diners, adjustments, taxRate);

        return new Bill(currency, ItemsOf(lineList), bundleUses, subtotal, subtotal - comps - discounted, totals.Tax, totals.Total,
            totals.Shares, plan.Optimal)
        {
            Comps = comps,
            Discounts = totals.Discounts,
            Discount = totals.Discount,
            ServiceCharge = totals.ServiceCharge,
            ServiceChargeRate = adjustments.ServiceChargeRate,
        };
    }

    /// <summary>
    /// One item per menu item, options, unit price and comp, by item id, then options, then price, comped last; named
    /// after its first line.
    /// </summary>
    private static List<BillItem> ItemsOf(List<BillLine> lines)
    {
        var byItem = new int[lines.Count];
        for (var i = 0; i < byItem.Length; i++) byItem[i] = i;
        Array.Sort(byItem, (x, y) =>
        {
            var byId = string.CompareOrdinal(lines[x].MenuItemId, lines[y].MenuItemId);
            if (byId != 0) return byId;
            var byOptions = CompareOptions(lines[x].Options, lines[y].Options);
            if (byOptions != 0) return byOptions;
            var byPrice = lines[x].UnitPrice.CompareTo(lines[y].UnitPrice);
            if (byPrice != 0) return byPrice;
            var byComp = lines[x].Comped.CompareTo(lines[y].Comped);
            return byComp != 0 ? byComp : x.CompareTo(y);
        });
        var items = new List<BillItem>();
        for (var k = 0; k < byItem.Length;)
        {
            var head = byItem[k];
            var first = lines[head];
            var quantity = 0;
            for (; k < byItem.Length && Same(lines[byItem[k]], first); k++) quantity += lines[byItem[k]].Quantity;
            items.Add(new BillItem(first.MenuItemId, first.Name, quantity, first.UnitPrice, first.UnitPrice * quantity)
            {
                Options = first.Options,
                Comped = first.Comped,
            });
        }
        return items;

        static bool Same(BillLine x, BillLine y) => x.MenuItemId == y.MenuItemId && CompareOptions(x.Options, y.Options) == 0
            && x.UnitPrice == y.UnitPrice && x.Comped == y.Comped;
    }

    /// <summary>Options in the order the line lists them (the menu's), by group then option id; fewer first.</summary>
    private static int CompareOptions(IReadOnlyList<ChosenOption> x, IReadOnlyList<ChosenOption> y)
    {
        if (ReferenceEquals(x, y)) return 0;
        for (var i = 0; i < x.Count && i < y.Count; i++)
        {
            var byGroup = string.CompareOrdinal(x[i].GroupId, y[i].GroupId);
            if (byGroup != 0) return byGroup;
            var byOption = string.CompareOrdinal(x[i].OptionId, y[i].OptionId);
            if (byOption != 0) return byOption;
        }
        return x.Count.CompareTo(y.Count);
    }

    /// <summary>Lines without a diner first, then diners by name.</summary>
    private static int CompareDiners(string? x, string? y) =>
        x is null ? (y is null ? 0 : -1) : y is null ? 1 : string.CompareOrdinal(x, y);
}
