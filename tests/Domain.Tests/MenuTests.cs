using Restaurant.Domain.Menus;
using static Restaurant.Domain.Tests.TestMenus;

namespace Restaurant.Domain.Tests;

public class MenuTests
{
    private static IReadOnlyList<MenuItem> TwoItems() =>
    [
        Item("salad", "Garden Salad", "starters", 8.00m),
        Item("juice", "Orange Juice", "drinks", 4.00m),
    ];

    private static void AssertInvalid(IReadOnlyList<MenuItem> items, IReadOnlyList<Bundle> bundles, string currency = "USD", decimal taxRate = 0m)
    {
        Assert.NotEmpty(Menu.Validate(currency, taxRate, items, bundles));
        var ex = Assert.Throws<DomainException>(() => new Menu(currency, taxRate, items, bundles));
        Assert.Equal(DomainErrors.InvalidMenu, ex.Code);
    }

    [Fact]
    public void The_default_menu_is_valid()
    {
        var menu = DefaultMenu.Create();
        Assert.Equal("USD", menu.Currency);
        Assert.Equal(0m, menu.TaxRate);
        Assert.Equal(11, menu.Items.Count);
        Assert.Equal(5, menu.Bundles.Count);
        Assert.Empty(Menu.Validate("USD", 0m, DefaultItems(), DefaultBundles()));
    }

    [Fact]
    public void ItemToOrder_returns_an_available_item()
    {
        var item = DefaultMenu.Create().ItemToOrder("omelet");
        Assert.Equal("Omelet", item.Name);
        Assert.Equal(new Money(900), item.Price);
    }

    [Theory]
    [InlineData("steak")]
    [InlineData("")]
    [InlineData("Salad")]
    public void ItemToOrder_refuses_an_unknown_item(string id)
    {
        var ex = Assert.Throws<DomainException>(() => DefaultMenu.Create().ItemToOrder(id));
        Assert.Equal(DomainErrors.UnknownMenuItem, ex.Code);
    }

    [Fact]
    public void ItemToOrder_refuses_an_unavailable_item()
    {
        var menu = DefaultMenu.Create().WithAvailability("cake", false);
        var ex = Assert.Throws<DomainException>(() => menu.ItemToOrder("cake"));
        Assert.Equal(DomainErrors.ItemUnavailable, ex.Code);
        // Availability is a new menu: the other items and the original menu are untouched.
        Assert.Equal("Coffee", menu.ItemToOrder("coffee").Name);
        Assert.Equal("Chocolate Cake", DefaultMenu.Create().ItemToOrder("cake").Name);
        Assert.Equal("Chocolate Cake", menu.WithAvailability("cake", true).ItemToOrder("cake").Name);
    }

    [Fact]
    public void An_item_built_unavailable_cannot_be_ordered()
    {
        var menu = new Menu("USD", 0m, [Item("soup", "Soup", "starters", 6m, available: false)], []);
        Assert.Equal(DomainErrors.ItemUnavailable, Assert.Throws<DomainException>(() => menu.ItemToOrder("soup")).Code);
    }

    [Fact]
    public void WithAvailability_refuses_an_unknown_item()
    {
        var ex = Assert.Throws<DomainException>(() => DefaultMenu.Create().WithAvailability("steak", false));
        Assert.Equal(DomainErrors.UnknownMenuItem, ex.Code);
    }

    [Fact]
    public void Bundles_listing_more_than_200_items_in_all_their_slots_are_invalid()
    {
        string[] wideSlot = ["salad", "soup", "omelet", "pancakes", "burger", "fries", "juice", "coffee", "tea", "soda"];
        var wide = Enumerable.Range(0, 4).Select(i => Bundle($"wide{i}", "Wide", 5m, [.. Enumerable.Repeat(wideSlot, 5)])).ToList();

        Assert.Equal(200, wide.Sum(b => b.Slots.Sum(s => s.Count)));
        Assert.Empty(Menu.Validate("USD", 0m, DefaultItems(), wide));
        AssertInvalid(DefaultItems(), [.. wide, Bundle("one-more", "One more", 1m, ["tea"])]);
    }

    [Fact]
    public void Duplicate_item_ids_are_invalid() =>
        AssertInvalid([.. TwoItems(), Item("salad", "Another Salad", "starters", 7m)], []);

    [Fact]
    public void Duplicate_bundle_ids_are_invalid() =>
        AssertInvalid(TwoItems(),
        [
            Bundle("deal", "Deal", 10m, ["salad"], ["juice"]),
            Bundle("deal", "Deal again", 9m, ["salad"], ["juice"]),
        ]);

    [Fact]
    public void A_slot_naming_an_unknown_item_is_invalid() =>
        AssertInvalid(TwoItems(), [Bundle("deal", "Deal", 10m, ["salad"], ["juice", "soda"])]);

    [Fact]
    public void An_empty_slot_is_invalid() =>
        AssertInvalid(TwoItems(), [Bundle("deal", "Deal", 10m, ["salad"], [])]);

    [Fact]
    public void A_bundle_without_slots_is_invalid() =>
        AssertInvalid(TwoItems(), [Bundle("deal", "Deal", 10m)]);

    [Fact]
    public void An_item_priced_zero_is_invalid() =>
        AssertInvalid([.. TwoItems(), Item("water", "Water", "drinks", 0m)], []);

    [Fact]
    public void A_bundle_priced_zero_is_invalid() =>
        AssertInvalid(TwoItems(), [Bundle("deal", "Deal", 0m, ["salad"], ["juice"])]);

    [Fact]
    public void More_than_six_slots_is_invalid()
    {
        var seven = Enumerable.Repeat(new[] { "juice" }, 7).ToArray();
        AssertInvalid(TwoItems(), [Bundle("juices", "Seven Juices", 20m, seven)]);

        var six = Enumerable.Repeat(new[] { "juice" }, 6).ToArray();
        Assert.Single(new Menu("USD", 0m, TwoItems(), [Bundle("juices", "Six Juices", 20m, six)]).Bundles);
    }

    [Fact]
    public void A_slot_listing_more_than_fifty_items_is_invalid()
    {
        var items = Enumerable.Range(0, 51).Select(i => Item($"item-{i}", $"Item {i}", "mains", 1m)).ToList();
        var ids = items.Select(i => i.Id).ToArray();
        AssertInvalid(items, [Bundle("wide", "Wide", 1m, ids)]);
        Assert.Single(new Menu("USD", 0m, items, [Bundle("wide", "Wide", 1m, ids[..50])]).Bundles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_item_or_bundle_id_is_invalid(string id)
    {
        AssertInvalid([.. TwoItems(), Item(id, "Blank", "drinks", 1m)], []);
        AssertInvalid(TwoItems(), [Bundle(id, "Deal", 10m, ["salad"], ["juice"])]);
    }

    [Fact]
    public void Ids_are_at_most_64_and_names_and_categories_at_most_200_characters()
    {
        AssertInvalid([.. TwoItems(), Item(new string('x', 65), "Long id", "drinks", 1m)], []);
        AssertInvalid([.. TwoItems(), Item("water", new string('x', 201), "drinks", 1m)], []);
        AssertInvalid([.. TwoItems(), Item("water", "Water", new string('x', 201), 1m)], []);
        AssertInvalid([.. TwoItems(), Item("water", "", "drinks", 1m)], []);
        AssertInvalid(TwoItems(), [Bundle(new string('x', 65), "Deal", 10m, ["salad"], ["juice"])]);
        AssertInvalid(TwoItems(), [Bundle("deal", new string('x', 201), 10m, ["salad"], ["juice"])]);

        var longest = Item(new string('x', 64), new string('n', 200), new string('c', 200), 1m);
        Assert.Equal(3, new Menu("USD", 0m, [.. TwoItems(), longest], [Bundle(new string('b', 64), new string('n', 200), 1m, [longest.Id])]).Items.Count);
    }

    [Fact]
    public void More_than_fifty_bundles_is_invalid()
    {
        Bundle Nth(int i) => Bundle($"deal-{i}", $"Deal {i}", 10m, ["salad"], ["juice"]);
        AssertInvalid(TwoItems(), Enumerable.Range(0, 51).Select(Nth).ToList());
        Assert.Equal(50, new Menu("USD", 0m, TwoItems(), Enumerable.Range(0, 50).Select(Nth).ToList()).Bundles.Count);
    }

    [Fact]
    public void A_menu_without_items_is_invalid() => AssertInvalid([], []);

    [Fact]
    public void More_than_500_items_is_invalid()
    {
        var items = Enumerable.Range(0, 501).Select(i => Item($"item-{i}", $"Item {i}", "mains", 1m)).ToList();
        AssertInvalid(items, []);
        Assert.Equal(500, new Menu("USD", 0m, items.Take(500).ToList(), []).Items.Count);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("USDD")]
    [InlineData("")]
    [InlineData("U$D")]
    public void A_currency_that_is_not_three_upper_case_letters_is_invalid(string currency) =>
        AssertInvalid(TwoItems(), [], currency: currency);

    [Theory]
    [InlineData("JPY")]
    [InlineData("KRW")]
    [InlineData("KWD")]
    [InlineData("BHD")]
    public void A_currency_that_does_not_count_in_hundredths_is_invalid_since_prices_are_kept_in_cents(string currency) =>
        AssertInvalid(TwoItems(), [], currency: currency);

    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("GBP")]
    public void Two_decimal_currencies_are_valid(string currency) =>
        Assert.Equal(currency, new Menu(currency, 0m, TwoItems(), []).Currency);

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.01")]
    public void A_tax_rate_outside_0_to_1_is_invalid(string taxRate) =>
        AssertInvalid(TwoItems(), [], taxRate: decimal.Parse(taxRate, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("0")]
    [InlineData("0.0825")]
    [InlineData("1")]
    public void Tax_rates_from_0_to_1_are_valid(string taxRate)
    {
        var rate = decimal.Parse(taxRate, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(rate, new Menu("EUR", rate, TwoItems(), []).TaxRate);
    }

    [Fact]
    public void A_price_above_the_highest_is_invalid()
    {
        AssertInvalid([.. TwoItems(), Item("caviar", "Caviar", "starters", Menu.MaxPrice + 0.01m)], []);
        Assert.Equal(3, new Menu("USD", 0m, [.. TwoItems(), Item("caviar", "Caviar", "starters", Menu.MaxPrice)], []).Items.Count);
    }

    [Theory]
    [InlineData("tea/green")]
    [InlineData("tea green")]
    [InlineData("thé")]
    public void An_id_of_other_characters_than_letters_digits_dash_and_underscore_is_invalid(string id)
    {
        AssertInvalid([.. TwoItems(), Item(id, "Tea", "drinks", 1m)], []);
        AssertInvalid(TwoItems(), [Bundle(id, "Deal", 10m, ["salad"], ["juice"])]);
    }

    [Fact]
    public void A_slot_listing_an_item_twice_is_invalid() =>
        AssertInvalid(TwoItems(), [Bundle("deal", "Deal", 10m, ["salad", "salad"], ["juice"])]);

    [Fact]
    public void Each_problem_names_the_field_of_the_menu_it_concerns()
    {
        var problems = Menu.Validate("usd", 0m,
            [.. TwoItems(), Item("salad", "Dup", "starters", 1m)],
            [Bundle("deal", "Deal", 0m, ["salad"], ["ghost"])]);

        Assert.Equal(["bundles[0].price", "bundles[0].slots[1]", "currency", "items[2].id"], problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        var refusal = Assert.Throws<DomainException>(() => new Menu("usd", 0m, TwoItems(), []));
        Assert.Equal("currency", Assert.Single(refusal.Problems).Field);
        Assert.StartsWith("currency: ", refusal.Message);
    }

    [Fact]
    public void Validate_lists_every_problem()
    {
        var problems = Menu.Validate("usd", 2m,
            [.. TwoItems(), Item("salad", "Dup", "starters", 1m), Item("free", "Free", "drinks", 0m)],
            [Bundle("deal", "Deal", 0m, ["ghost"], [])]);
        // currency, tax rate, duplicate item, zero-priced item, zero-priced bundle, unknown slot item, empty slot
        Assert.Equal(7, problems.Count);
    }
}
