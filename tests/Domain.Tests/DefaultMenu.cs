using Restaurant.Domain.Menus;

namespace Restaurant.Domain.Tests;

/// <summary>The menu of API.md "The default menu" (USD, tax rate 0), built as a domain <see cref="Menu"/>.</summary>
public static class DefaultMenu
{
    public static Menu Build(decimal taxRate = 0m) => new("USD", taxRate, Items(), Bundles());

    public static IReadOnlyList<MenuItem> Items() =>
    [
        Item("salad", "Garden Salad", "starters", 8.00m),
        Item("soup", "Soup of the Day", "starters", 6.00m),
        Item("omelet", "Omelet", "mains", 9.00m),
        Item("pancakes", "Pancakes", "mains", 8.50m),
        Item("burger", "Burger", "mains", 12.00m),
        Item("fries", "Fries", "sides", 4.00m),
        Item("juice", "Orange Juice", "drinks", 4.00m),
        Item("coffee", "Coffee", "drinks", 3.00m),
        Item("tea", "Tea", "drinks", 2.50m),
        Item("soda", "Soda", "drinks", 2.50m),
        Item("cake", "Chocolate Cake", "desserts", 6.50m),
    ];

    public static IReadOnlyList<Bundle> Bundles() =>
    [
        Bundle("salad-juice", "Salad & Juice", 10.00m, ["salad"], ["juice"]),
        Bundle("omelet-coffee", "Omelet & Coffee", 10.00m, ["omelet"], ["coffee"]),
        Bundle("breakfast", "Breakfast Deal", 11.00m, ["omelet", "pancakes"], ["coffee", "tea", "juice"]),
        Bundle("burger-meal", "Burger Meal", 16.00m, ["burger"], ["fries"], ["soda", "juice", "coffee", "tea"]),
        Bundle("sweet-break", "Sweet Break", 8.00m, ["cake"], ["coffee", "tea"]),
    ];

    public static MenuItem Item(string id, string name, string category, decimal price, bool available = true) =>
        new(id, name, category, Money.FromMajor(price), available);

    public static Bundle Bundle(string id, string name, decimal price, params string[][] slots) =>
        new(id, name, Money.FromMajor(price), slots.Select(s => (IReadOnlyList<string>)s).ToList());
}
