using Restaurant.Domain.Menus;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>
/// Menus whose bundles are copies of one another, or nearly (the shapes that made the old search exponential): the
/// default menu plus the item xcoffee at 3.00 and the given bundles, and orders of xcoffee added 50 at a time.
/// </summary>
public static class SymmetricMenus
{
    public const string Coffee = "xcoffee";

    public static Menu With(IReadOnlyList<Bundle> bundles, IReadOnlyList<MenuItem>? extraItems = null, long coffeePrice = 300)
    {
        var basic = Menus.DefaultMenu.Create();
        IReadOnlyList<MenuItem> items = [.. basic.Items, new MenuItem(Coffee, "X Coffee", "drinks", new Money(coffeePrice), true), .. extraItems ?? []];
        // Up to the 50-bundle limit, the default bundles come along; a menu of 50 copies has only the copies.
        IReadOnlyList<Bundle> all = bundles.Count + basic.Bundles.Count <= Menu.MaxBundles ? [.. basic.Bundles, .. bundles] : bundles;
        return new Menu("USD", 0m, items, all);
    }

    /// <summary>Bundles "pair1" … "pairN" of two xcoffee slots, the k-th (from 1) at <paramref name="price"/>(k).</summary>
    public static IReadOnlyList<Bundle> Pairs(int count, Func<int, long> price) =>
        Enumerable.Range(1, count).Select(k => Copies($"pair{k}", price(k), 2)).ToList();

    /// <summary>A bundle of <paramref name="slots"/> slots, each taking xcoffee only.</summary>
    public static Bundle Copies(string id, long price, int slots) =>
        new(id, $"{slots} coffees deal {id}", new Money(price), Enumerable.Repeat((IReadOnlyList<string>)[Coffee], slots).ToList());

    /// <summary>xcoffee lines of at most 50 units each, as a diner adds them, cycling through the captured prices.</summary>
    public static List<BillLine> Coffees(int units, params long[] capturedPrices)
    {
        if (capturedPrices.Length == 0) capturedPrices = [300];
        var lines = new List<BillLine>();
        for (var added = 0; added < units;)
        {
            var quantity = Math.Min(50, units - added);
            lines.Add(new BillLine($"c{lines.Count}", Coffee, "X Coffee", quantity, new Money(capturedPrices[lines.Count % capturedPrices.Length]), $"d{lines.Count % 3}"));
            added += quantity;
        }
        return lines;
    }

    public static Bill Bill(Menu menu, IEnumerable<BillLine> lines) => BillCalculator.Calculate(lines, menu.Bundles, menu.Currency, menu.TaxRate);

    /// <summary>What the bill charges before tax: the amount the oracles compute.</summary>
    public static long Discounted(Bill bill) => bill.Subtotal.Minor - bill.Savings.Minor;
}
