using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Tests;

/// <summary>The default menu (with a chosen tax rate) and small builders for hand-made menus.</summary>
public static class DefaultMenu
{
    public static Menu Build(decimal taxRate = 0m) => Menus.DefaultMenu.Create(taxRate);

    public static IReadOnlyList<MenuItem> Items() => Build().Items;

    public static IReadOnlyList<Bundle> Bundles() => Build().Bundles;

    public static MenuItem Item(string id, string name, string category, decimal price, bool available = true) =>
        new(id, name, category, Money.FromMajor(price), available);

    public static Bundle Bundle(string id, string name, decimal price, params string[][] slots) =>
        new(id, name, Money.FromMajor(price), slots.Select(s => (IReadOnlyList<string>)s).ToList());
}
