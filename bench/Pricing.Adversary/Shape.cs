using Restaurant.Domain;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Adversary;

public sealed record Item(string Id, long Price);

public sealed record Offer(string Id, long Price, List<List<string>> Slots);

public sealed record Line(string Item, int Quantity, long Price);

/// <summary>A menu and an order to bill, as plain data that the search mutates (and saves as JSON).</summary>
public sealed record Shape(string Origin, List<Item> Items, List<Offer> Bundles, List<Line> Lines)
{
    public int Units => Lines.Sum(l => l.Quantity);

    public Shape DeepCopy() => new(Origin,
        [.. Items],
        Bundles.Select(b => b with { Slots = b.Slots.Select(s => s.ToList()).ToList() }).ToList(),
        [.. Lines]);

    /// <summary>The menu, or null when the shape breaks a menu or order limit.</summary>
    public Menu? ToMenu()
    {
        if (Units is < 1 or > Restaurant.Domain.Orders.Order.MaxUnits || Lines.Any(l => l.Quantity < 1 || l.Price < 1)) return null;
        var items = Items.Select(i => new MenuItem(i.Id, i.Id, "c", new Money(i.Price), true)).ToList();
        var bundles = Bundles.Select(b => new Bundle(b.Id, b.Id, new Money(b.Price), b.Slots.Select(s => (IReadOnlyList<string>)s).ToList())).ToList();
        return Menu.Validate("USD", 0m, items, bundles).Count == 0 ? new Menu("USD", 0m, items, bundles) : null;
    }

    public List<BillLine> BillLines() =>
        Lines.Select((l, i) => new BillLine($"l{i}", l.Item, l.Item, l.Quantity, new Money(l.Price), $"d{i % 4}")).ToList();

    public List<PricedUnit> PricedUnits()
    {
        var units = new List<PricedUnit>();
        foreach (var line in Lines)
            for (var q = 0; q < line.Quantity; q++) units.Add(new PricedUnit(units.Count, line.Item, new Money(line.Price)));
        return units;
    }

    /// <summary>A one-line summary: bundles by slot count, slot entries, widest slot, units, items and prices ordered.</summary>
    public string Describe()
    {
        var slotCounts = Bundles.GroupBy(b => b.Slots.Count).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{g.Key}");
        var entries = Bundles.Sum(b => b.Slots.Sum(s => s.Count));
        var widest = Bundles.Count == 0 ? 0 : Bundles.Max(b => b.Slots.Max(s => s.Count));
        var orderedItems = Lines.Select(l => l.Item).Distinct().Count();
        var prices = Lines.Select(l => (l.Item, l.Price)).Distinct().Count();
        var distinctBundlePrices = Bundles.Select(b => b.Price).Distinct().Count();
        return $"{Origin}: {Bundles.Count} bundles ({string.Join(" ", slotCounts)} slots, {entries} entries, widest {widest}, " +
            $"{distinctBundlePrices} prices); {Units} units of {orderedItems} items at {prices} (item, price) pairs";
    }
}
