using Restaurant.Domain.Menus;
using static Restaurant.Domain.Tests.TestMenus;

namespace Restaurant.Domain.Tests;

/// <summary>Option groups, allergens, dietary tags, stations and courses: how the menu checks them and how a diner chooses.</summary>
public class MenuOptionsTests
{
    private static readonly Menu Menu = DefaultMenu.Create();
    private static MenuItem Burger => Menu.ItemToOrder("burger");

    private static void AssertRefused(string code, Action action) => Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    private static MenuItem WithGroups(params OptionGroup[] groups) => Item("burger", "Burger", "mains", 12.00m) with { OptionGroups = groups };

    private static OptionGroup Group(string id, int min, int max, params string[] optionIds) =>
        new(id, id, min, max, optionIds.Select(o => new MenuOption(o, o, Money.Zero, true)).ToList());

    /// <summary>The menu of <paramref name="item"/> alone is refused, naming <paramref name="field"/> (below <c>items[0]</c>).</summary>
    private static void AssertInvalid(MenuItem item, string field)
    {
        var problems = Menu.Validate("USD", 0m, [item], []);
        Assert.Contains(problems, p => p.Field == "items[0]." + field);
        Assert.Equal(DomainErrors.InvalidMenu, Assert.Throws<DomainException>(() => new Menu("USD", 0m, [item], [])).Code);
    }

    [Fact]
    public void Chosen_options_are_captured_with_their_group_name_and_price_in_the_menus_order()
    {
        var chosen = Burger.ChooseOptions(["bacon", "well", "cheese"]);

        Assert.Equal(
            [new ChosenOption("doneness", "well", "Well done", Money.Zero), new ChosenOption("extras", "cheese", "Cheese", new Money(100)),
             new ChosenOption("extras", "bacon", "Bacon", new Money(150))],
            chosen);
    }

    [Fact]
    public void A_required_group_left_out_is_refused_naming_the_group()
    {
        var refusal = Assert.Throws<DomainException>(() => Burger.ChooseOptions(["cheese"]));

        Assert.Equal(DomainErrors.InvalidOptions, refusal.Code);
        Assert.Equal("doneness", refusal.Facts["group"]);
        Assert.Contains("Doneness", refusal.Message);
    }

    [Fact]
    public void More_options_than_a_group_allows_are_refused_naming_the_group()
    {
        var refusal = Assert.Throws<DomainException>(() => Burger.ChooseOptions(["rare", "well"]));

        Assert.Equal(DomainErrors.InvalidOptions, refusal.Code);
        Assert.Equal("doneness", refusal.Facts["group"]);
    }

    [Fact]
    public void An_optional_group_may_be_left_out_and_filled_up_to_its_max()
    {
        Assert.Single(Burger.ChooseOptions(["medium"]));
        Assert.Equal(4, Burger.ChooseOptions(["medium", "cheese", "bacon", "egg"]).Count);
        Assert.Empty(Menu.ItemToOrder("coffee").ChooseOptions([]));
    }

    [Fact]
    public void An_option_the_item_does_not_have_is_refused_as_unknown()
    {
        AssertRefused(DomainErrors.UnknownOption, () => Burger.ChooseOptions(["medium", "oat"]));
        AssertRefused(DomainErrors.UnknownOption, () => Menu.ItemToOrder("tea").ChooseOptions(["oat"]));
    }

    [Fact]
    public void An_option_chosen_twice_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Burger.ChooseOptions(["medium", "cheese", "cheese"]));

        Assert.Equal(DomainErrors.InvalidOptions, refusal.Code);
        Assert.Equal("extras", refusal.Facts["group"]);
    }

    [Fact]
    public void An_86d_option_is_refused_like_an_86d_item_and_comes_back()
    {
        var menu = Menu.WithOptionAvailability("burger", "bacon", false);

        AssertRefused(DomainErrors.ItemUnavailable, () => menu.ItemToOrder("burger").ChooseOptions(["medium", "bacon"]));
        Assert.Equal(2, menu.ItemToOrder("burger").ChooseOptions(["medium", "cheese"]).Count);
        Assert.True(menu.ItemToOrder("burger").Available);
        Assert.Single(menu.WithOptionAvailability("burger", "bacon", true).ItemToOrder("burger").ChooseOptions(["bacon", "rare"]),
            o => o.OptionId == "bacon");
    }

    [Fact]
    public void Availability_of_an_option_the_item_does_not_have_is_refused()
    {
        AssertRefused(DomainErrors.UnknownOption, () => Menu.WithOptionAvailability("burger", "oat", false));
        AssertRefused(DomainErrors.UnknownMenuItem, () => Menu.WithOptionAvailability("steak", "rare", false));
    }

    [Fact]
    public void The_default_menu_has_the_v2_details()
    {
        Assert.Equal(["doneness", "extras"], Burger.OptionGroups.Select(g => g.Id));
        Assert.Equal((1, 1), (Burger.OptionGroups[0].Min, Burger.OptionGroups[0].Max));
        Assert.Equal((0, 3), (Burger.OptionGroups[1].Min, Burger.OptionGroups[1].Max));
        Assert.Equal([100, 150, 100], Burger.OptionGroups[1].Options.Select(o => o.Price.Minor));
        Assert.Equal(["oat", "soy"], Menu.ItemToOrder("coffee").OptionGroups.Single().Options.Select(o => o.Id));
        Assert.Equal(["juice", "coffee", "tea", "soda"], Menu.Items.Where(i => i.Station == "bar").Select(i => i.Id));
        Assert.All(Menu.Items.Where(i => i.Category is "starters" or "drinks"), i => Assert.Equal(1, i.Course));
        Assert.All(Menu.Items.Where(i => i.Category is "mains" or "sides"), i => Assert.Equal(2, i.Course));
        Assert.Equal(3, Menu.ItemToOrder("cake").Course);
        Assert.Equal(["gluten", "eggs", "milk"], Menu.ItemToOrder("pancakes").Allergens);
        Assert.Equal(["celery"], Menu.ItemToOrder("soup").Allergens);
        Assert.Empty(Menu.ItemToOrder("salad").Allergens);
        Assert.Equal(["salad", "fries"], Menu.Items.Where(i => i.Dietary.Contains("vegan")).Select(i => i.Id));
    }

    [Fact]
    public void A_group_whose_min_is_above_its_max_is_invalid() => AssertInvalid(WithGroups(Group("size", 2, 1, "s", "m", "l")), "optionGroups[0].min");

    [Fact]
    public void A_group_asking_for_more_options_than_it_has_is_invalid() => AssertInvalid(WithGroups(Group("size", 3, 3, "s", "m")), "optionGroups[0].min");

    [Fact]
    public void A_group_without_options_is_invalid() => AssertInvalid(WithGroups(Group("size", 0, 1)), "optionGroups[0].options");

    [Fact]
    public void Option_ids_are_unique_within_an_item_across_its_groups() =>
        AssertInvalid(WithGroups(Group("bread", 0, 1, "plain", "seeded"), Group("sauce", 0, 1, "plain")), "optionGroups");

    [Fact]
    public void Group_ids_are_unique_within_an_item() =>
        AssertInvalid(WithGroups(Group("sauce", 0, 1, "bbq"), Group("sauce", 0, 1, "mayo")), "optionGroups");

    [Fact]
    public void An_unknown_allergen_code_is_invalid() =>
        AssertInvalid(Item("salad", "Salad", "starters", 8m) with { Allergens = ["gluten", "shellfish"] }, "allergens[1]");

    [Fact]
    public void Every_eu_allergen_code_is_valid()
    {
        Assert.Equal(14, AllergenCodes.Codes.Count);
        Assert.Empty(Menu.Validate("USD", 0m, [Item("salad", "Salad", "starters", 8m) with { Allergens = AllergenCodes.Codes }], []));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pastry kitchen")]
    [InlineData("bar/2")]
    [InlineData("a-station-name-longer-than-32-chars")]
    public void A_station_that_is_not_a_short_token_is_invalid(string station) =>
        AssertInvalid(Item("tea", "Tea", "drinks", 2m) with { Station = station }, "station");

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_course_outside_1_to_20_is_invalid(int course) =>
        AssertInvalid(Item("tea", "Tea", "drinks", 2m) with { Course = course }, "course");

    [Fact]
    public void Dietary_tags_are_short_clean_and_listed_once()
    {
        AssertInvalid(Item("tea", "Tea", "drinks", 2m) with { Dietary = ["vegan", "vegan"] }, "dietary");
        AssertInvalid(Item("tea", "Tea", "drinks", 2m) with { Dietary = ["ve\ngan"] }, "dietary[0]");
        AssertInvalid(Item("tea", "Tea", "drinks", 2m) with { Dietary = [new string('v', 33)] }, "dietary[0]");
    }

    [Fact]
    public void A_first_release_item_gets_the_defaults()
    {
        var item = Item("tea", "Tea", "drinks", 2m);

        Assert.Equal(("kitchen", 1), (item.Station, item.Course));
        Assert.Empty(item.OptionGroups);
        Assert.Empty(item.Allergens);
        Assert.Null(item.Description);
        Assert.Empty(item.ChooseOptions([]));
    }
}
