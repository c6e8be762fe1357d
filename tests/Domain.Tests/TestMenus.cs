using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Tests;

/// <summary>Builders for hand-made menus, and the parts of the domain's <see cref="DefaultMenu"/> to build them from.</summary>
public static class TestMenus
{
    public static IReadOnlyList<MenuItem> DefaultItems() => DefaultMenu.Create().Items;

    public static IReadOnlyList<Bundle> DefaultBundles() => DefaultMenu.Create().Bundles;

    public static MenuItem Item(string id, string name, string category, decimal price, bool available = true) =>
        new(id, name, category, Money.FromMajor(price), available);

    public static Bundle Bundle(string id, string name, decimal price, params string[][] slots) =>
        new(id, name, Money.FromMajor(price), slots.Select(s => (IReadOnlyList<string>)s).ToList());
}
