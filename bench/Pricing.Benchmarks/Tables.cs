using Restaurant.Domain;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Benchmarks;

/// <summary>The tables the pricing benchmark bills; generated from fixed seeds so every run bills the same orders.</summary>
public static class Tables
{
    /// <summary>A table to bill; <paramref name="SharedItem"/> names the one item every bundle shares, when the menu has
    /// that shape (its answer is then checked by the knapsack oracle rather than the plain branch and bound).</summary>
    public sealed record Table(string Name, IReadOnlyList<BillLine> Lines, Menu Menu, string? SharedItem = null)
    {
        public override string ToString() => Name;
    }

    public static Table SeedStory() => new("seed story (4 units)",
        [Line("l1", "salad", 800, "John"), Line("l2", "juice", 400, "John"), Line("l3", "omelet", 900, "Jane"), Line("l4", "coffee", 300, "Derek")],
        DefaultMenu.Create());

    public static Table DefaultMenuTable(int units, int seed = 40)
    {
        var menu = DefaultMenu.Create();
        var random = new Random(seed);
        var lines = Enumerable.Range(0, units).Select(i =>
        {
            var item = menu.Items[random.Next(menu.Items.Count)];
            return Line($"l{i}", item.Id, item.Price.Minor, $"diner-{random.Next(6)}");
        }).ToList();
        return new($"default menu, {units} units", lines, menu);
    }

    /// <summary>
    /// 40 items in 6 categories and 30 bundles of 2–3 slots, each slot offering 2–3 items of one category, so bundles
    /// overlap heavily. <paramref name="priceVersions"/> &gt; 1 gives each unit one of several captured prices, as
    /// if the menu had been repriced while the table sat.
    /// </summary>
    public static Table OverlappingBundles(int units, int priceVersions = 1, int seed = 30)
    {
        var random = new Random(seed);
        var categories = Enumerable.Range(0, 6).Select(c => $"cat{c}").ToArray();
        var items = Enumerable.Range(0, 40)
            .Select(i => new MenuItem($"item{i:00}", $"Item {i}", categories[i % 6], new Money(250 + 50 * random.Next(30)), true))
            .ToList();
        var bundles = Enumerable.Range(0, 30).Select(b =>
        {
            // 2 or 3 slots of 2 or 3 items each: about 190 slot entries, inside Menu.MaxSlotEntries.
            var slots = Enumerable.Range(0, 2 + b % 2).Select(s =>
            {
                var category = categories[random.Next(categories.Length)];
                var choices = items.Where(i => i.Category == category).OrderBy(_ => random.Next()).Take(2 + (b + s) % 2);
                return (IReadOnlyList<string>)choices.Select(i => i.Id).ToList();
            }).ToList();
            var listPrice = slots.Sum(slot => slot.Max(id => items.Single(i => i.Id == id).Price.Minor));
            return new Bundle($"bundle{b:00}", $"Bundle {b}", new Money(listPrice * (70 + random.Next(25)) / 100), slots);
        }).ToList();
        var menu = new Menu("USD", 0.0825m, items, bundles);
        var lines = Enumerable.Range(0, units).Select(i =>
        {
            var item = items[random.Next(items.Count)];
            var price = item.Price.Minor + 10 * random.Next(priceVersions);
            return Line($"l{i}", item.Id, price, $"diner-{random.Next(8)}");
        }).ToList();
        var name = priceVersions == 1 ? $"{units} units, 30 overlapping bundles" : $"{units} units, 30 overlapping bundles, {priceVersions} prices per item";
        return new(name, lines, menu);
    }

    /// <summary>
    /// Adversarial menus inside the limits: bundles of the given shape over 60 popular items, and an order of
    /// <paramref name="units"/> of those items, each at up to <paramref name="priceVersions"/> captured prices.
    /// </summary>
    public static Table LargestMenu(int bundleCount = 50, int priceVersions = 8, int slotCount = 6, int slotWidth = 2, int units = 500, int seed = 50)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, 500)
            .Select(i => new MenuItem($"item{i:000}", $"Item {i}", $"cat{i % 10}", new Money(200 + 25 * random.Next(40)), true))
            .ToList();
        var popular = items.Take(60).ToList();
        var bundles = Enumerable.Range(0, bundleCount).Select(b =>
        {
            var slots = Enumerable.Range(0, slotCount)
                .Select(_ => (IReadOnlyList<string>)popular.OrderBy(_ => random.Next()).Take(slotWidth).Select(i => i.Id).ToList()).ToList();
            var listPrice = slots.Sum(slot => slot.Max(id => items.Single(i => i.Id == id).Price.Minor));
            return new Bundle($"bundle{b:00}", $"Bundle {b}", new Money(listPrice * (60 + random.Next(30)) / 100), slots);
        }).ToList();
        var menu = new Menu("USD", 0.0825m, items, bundles);
        var lines = Enumerable.Range(0, units).Select(i =>
        {
            var item = popular[random.Next(popular.Count)];
            return Line($"l{i}", item.Id, item.Price.Minor + 5 * random.Next(priceVersions), $"diner-{random.Next(10)}");
        }).ToList();
        return new($"{bundleCount} bundles of {slotCount} slots x {slotWidth} items, {units} units, {priceVersions} prices per item", lines, menu);
    }

    /// <summary>Pairs of one item at many different captured prices: a weighted matching, the LP's weakest case.</summary>
    public static Table RepricedPairs(int units, int seed = 7)
    {
        var random = new Random(seed);
        var menu = new Menu("USD", 0m, [new MenuItem("coffee", "Coffee", "drinks", new Money(300), true)],
        [
            new Bundle("two-coffees", "Two coffees", new Money(500), [["coffee"], ["coffee"]]),
            new Bundle("three-coffees", "Three coffees", new Money(700), [["coffee"], ["coffee"], ["coffee"]]),
        ]);
        var lines = Enumerable.Range(0, units).Select(i => Line($"l{i}", "coffee", 200 + random.Next(300), $"diner-{i % 6}")).ToList();
        return new($"{units} coffees at {units} different prices, 2- and 3-coffee bundles", lines, menu, "coffee");
    }

    /// <summary>
    /// Issue #10's repro: the default menu, xcoffee at 3.00 and <paramref name="copies"/> bundles of two xcoffee slots
    /// at 5.00 (or a cent apart), and <paramref name="units"/> xcoffee added 50 at a time.
    /// </summary>
    public static Table SymmetricPairs(int copies, int units, bool centApart = false)
    {
        var basic = DefaultMenu.Create();
        var pairs = Enumerable.Range(1, copies)
            .Select(k => new Bundle($"pair{k}", $"Two coffees deal {k}", new Money(centApart ? 500 + k : 500), [["xcoffee"], ["xcoffee"]]));
        var menu = new Menu("USD", 0m, [.. basic.Items, new MenuItem("xcoffee", "X Coffee", "drinks", new Money(300), true)], [.. basic.Bundles, .. pairs]);
        var lines = Enumerable.Range(0, (units + 49) / 50)
            .Select(k => new BillLine($"c{k}", "xcoffee", "X Coffee", Math.Min(50, units - 50 * k), new Money(300), null)).ToList();
        return new($"{copies} pair bundles{(centApart ? " a cent apart" : "")}, {units} xcoffee (the #10 repro)", lines, menu, "xcoffee");
    }

    /// <summary>
    /// <paramref name="table"/> with options on its lines (issue 14): each line gets 0 to 2 options of 0.00 to 1.50,
    /// drawn from a fixed seed, and its unit price grows by them. The bill pays them on top of each unit's item, so the
    /// bundle search sees the same items at the same prices as without them.
    /// </summary>
    public static Table WithOptions(Table table, int seed = 14) =>
        new($"{table.Name}, with options", OptionPrices(table, seed).Select(x => x.Line with
        {
            UnitPrice = x.Line.UnitPrice + new Money(x.Prices.Sum()),
            Options = x.Prices.Select((price, i) => new ChosenOption("extras", $"o{i}", $"Option {i}", new Money(price))).ToList(),
        }).ToList(), table.Menu, table.SharedItem);

    /// <summary>
    /// The same lines as <see cref="WithOptions"/>, their options folded into the unit price as if they were part of it:
    /// what the bundle search would face if options were priced into bundles (one class of units per price).
    /// </summary>
    public static Table WithOptionsFolded(Table table, int seed = 14) =>
        new($"{table.Name}, options folded into prices", OptionPrices(table, seed)
            .Select(x => x.Line with { UnitPrice = x.Line.UnitPrice + new Money(x.Prices.Sum()) }).ToList(), table.Menu, table.SharedItem);

    private static IEnumerable<(BillLine Line, long[] Prices)> OptionPrices(Table table, int seed)
    {
        var random = new Random(seed);
        long[] prices = [0, 50, 100, 150];
        return table.Lines.Select(line => (line, Enumerable.Range(0, random.Next(3)).Select(_ => prices[random.Next(prices.Length)]).ToArray())).ToList();
    }

    private static BillLine Line(string id, string item, long price, string diner) => new(id, item, item, 1, new Money(price), diner);
}
