namespace Restaurant.Domain.Menus;

/// <summary>The menu a new restaurant starts with (docs/api.md), so a fresh install can take orders at once.</summary>
public static class DefaultMenu
{
    public static Menu Create(decimal taxRate = 0m) => new("USD", taxRate,
        [
            Item("salad", "Garden Salad", "starters", 8.00m, course: 1, dietary: ["vegan"]),
            Item("soup", "Soup of the Day", "starters", 6.00m, course: 1, allergens: ["celery"]),
            Item("omelet", "Omelet", "mains", 9.00m, course: 2, allergens: ["eggs", "milk"]),
            Item("pancakes", "Pancakes", "mains", 8.50m, course: 2, allergens: ["gluten", "eggs", "milk"]),
            Item("burger", "Burger", "mains", 12.00m, course: 2, allergens: ["gluten", "sesame"]) with
            {
                OptionGroups =
                [
                    Group("doneness", "Doneness", 1, 1, Option("rare", "Rare", 0m), Option("medium", "Medium", 0m), Option("well", "Well done", 0m)),
                    Group("extras", "Extras", 0, 3, Option("cheese", "Cheese", 1.00m), Option("bacon", "Bacon", 1.50m), Option("egg", "Egg", 1.00m)),
                ],
            },
            Item("fries", "Fries", "sides", 4.00m, course: 2, dietary: ["vegan"]),
            Item("juice", "Orange Juice", "drinks", 4.00m, course: 1, station: "bar"),
            Item("coffee", "Coffee", "drinks", 3.00m, course: 1, station: "bar") with
            {
                OptionGroups = [Group("milk", "Milk", 0, 1, Option("oat", "Oat milk", 0.50m), Option("soy", "Soy milk", 0.50m))],
            },
            Item("tea", "Tea", "drinks", 2.50m, course: 1, station: "bar"),
            Item("soda", "Soda", "drinks", 2.50m, course: 1, station: "bar"),
            Item("cake", "Chocolate Cake", "desserts", 6.50m, course: 3, allergens: ["gluten", "eggs", "milk"]),
        ],
        [
            Offer("salad-juice", "Salad & Juice", 10.00m, ["salad"], ["juice"]),
            Offer("omelet-coffee", "Omelet & Coffee", 10.00m, ["omelet"], ["coffee"]),
            Offer("breakfast", "Breakfast Deal", 11.00m, ["omelet", "pancakes"], ["coffee", "tea", "juice"]),
            Offer("burger-meal", "Burger Meal", 16.00m, ["burger"], ["fries"], ["soda", "juice", "coffee", "tea"]),
            Offer("sweet-break", "Sweet Break", 8.00m, ["cake"], ["coffee", "tea"]),
        ]);

    private static MenuItem Item(string id, string name, string category, decimal price, int course,
        string station = MenuItem.DefaultStation, string[]? allergens = null, string[]? dietary = null) =>
        new(id, name, category, Money.FromMajor(price), Available: true)
        {
            Course = course,
            Station = station,
            Allergens = allergens ?? [],
            Dietary = dietary ?? [],
        };

    private static OptionGroup Group(string id, string name, int min, int max, params MenuOption[] options) => new(id, name, min, max, options);

    private static MenuOption Option(string id, string name, decimal price) => new(id, name, Money.FromMajor(price), Available: true);

    private static Bundle Offer(string id, string name, decimal price, params IReadOnlyList<string>[] slots) =>
        new(id, name, Money.FromMajor(price), slots);
}
