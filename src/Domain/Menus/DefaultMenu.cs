namespace Restaurant.Domain.Menus;

/// <summary>The menu a new restaurant starts with (docs/api.md), so a fresh install can take orders at once.</summary>
public static class DefaultMenu
{
    public static Menu Create(decimal taxRate = 0m) => new("USD", taxRate,
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
        ],
        [
            Offer("salad-juice", "Salad & Juice", 10.00m, ["salad"], ["juice"]),
            Offer("omelet-coffee", "Omelet & Coffee", 10.00m, ["omelet"], ["coffee"]),
            Offer("breakfast", "Breakfast Deal", 11.00m, ["omelet", "pancakes"], ["coffee", "tea", "juice"]),
            Offer("burger-meal", "Burger Meal", 16.00m, ["burger"], ["fries"], ["soda", "juice", "coffee", "tea"]),
            Offer("sweet-break", "Sweet Break", 8.00m, ["cake"], ["coffee", "tea"]),
        ]);

    private static MenuItem Item(string id, string name, string category, decimal price) =>
        new(id, name, category, Money.FromMajor(price), Available: true);

    private static Bundle Offer(string id, string name, decimal price, params IReadOnlyList<string>[] slots) =>
        new(id, name, Money.FromMajor(price), slots);
}
