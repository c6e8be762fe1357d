using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Menu;

/// <summary>
/// The (v2) item details on GET and PUT /menu: descriptions, allergens, dietary tags, stations, courses and option
/// groups. Menus published here are scheduled far ahead, so the menu in effect never changes.
/// </summary>
public sealed class MenuDetailsTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    private static JsonObject Tea() => new()
    {
        ["id"] = "tea", ["name"] = "Tea", ["category"] = "drinks", ["price"] = 2.5m,
        ["description"] = "Darjeeling, first flush", ["allergens"] = new JsonArray("milk"), ["dietary"] = new JsonArray("vegetarian"),
        ["station"] = "bar", ["course"] = 1,
        ["optionGroups"] = new JsonArray(new JsonObject
        {
            ["id"] = "size", ["name"] = "Size", ["min"] = 1, ["max"] = 1,
            ["options"] = new JsonArray(
                new JsonObject { ["id"] = "cup", ["name"] = "Cup", ["price"] = 0m },
                new JsonObject { ["id"] = "pot", ["name"] = "Pot", ["price"] = 3m, ["available"] = false }),
        }),
    };

    private static JsonObject MenuOf(JsonObject item) => new()
    {
        ["currency"] = "USD", ["taxRate"] = 0m, ["items"] = new JsonArray(item), ["bundles"] = new JsonArray(),
        ["effectiveFrom"] = "2099-01-01T00:00:00Z",
    };

    [Fact]
    public async Task The_default_menu_shows_options_stations_courses_allergens_and_dietary_tags()
    {
        var items = (await StaffMenu.CurrentAsync(Api))["items"]!;

        var burger = StaffMenu.Find(items, "burger");
        Assert.Equal(["doneness 1-1 rare,medium,well", "extras 0-3 cheese,bacon,egg"], burger["optionGroups"]!.AsArray().Select(g =>
            $"{g!["id"].Text()} {g["min"]}-{g["max"]} {string.Join(",", g["options"]!.AsArray().Select(o => o!["id"].Text()))}"));
        Assert.Equal(1.50m, burger["optionGroups"]![1]!["options"]![1]!["price"].Money());
        Assert.Equal(("kitchen", 2), (burger["station"].Text(), burger["course"]!.GetValue<int>()));
        Assert.Equal(["gluten", "sesame"], burger["allergens"]!.AsArray().Select(a => a.Text()));
        Assert.False(burger.AsObject().ContainsKey("description"));
        Assert.Equal(("bar", 1), (StaffMenu.Find(items, "coffee")["station"].Text(), StaffMenu.Find(items, "coffee")["course"]!.GetValue<int>()));
        Assert.Equal(3, StaffMenu.Find(items, "cake")["course"]!.GetValue<int>());
        Assert.Equal(["vegan"], StaffMenu.Find(items, "fries")["dietary"]!.AsArray().Select(d => d.Text()));
    }

    [Fact]
    public async Task An_items_details_are_kept_as_published()
    {
        var published = await (await Api.Staff().PutJsonAsync("/menu", MenuOf(Tea()))).ReadOkJsonAsync(HttpStatusCode.Created);

        var menu = await (await Api.Anonymous().GetAsync($"/menu?version={published["version"]}")).ReadOkJsonAsync();

        var expected = Tea();
        expected["available"] = true;
        expected["optionGroups"]![0]!["options"]![0]!["available"] = true;
        var tea = menu["items"]![0]!;
        foreach (var (field, value) in expected)
            Assert.True(JsonNode.DeepEquals(value, tea[field]), $"{field}: {value?.ToJsonString()} != {tea[field]?.ToJsonString()}");
    }

    [Fact]
    public async Task An_item_without_details_gets_the_defaults()
    {
        var plain = new JsonObject { ["id"] = "tea", ["name"] = "Tea", ["category"] = "drinks", ["price"] = 2.5m };
        var published = await (await Api.Staff().PutJsonAsync("/menu", MenuOf(plain))).ReadOkJsonAsync(HttpStatusCode.Created);

        var tea = (await (await Api.Anonymous().GetAsync($"/menu?version={published["version"]}")).ReadOkJsonAsync())["items"]![0]!;

        Assert.Equal(("kitchen", 1, true), (tea["station"].Text(), tea["course"]!.GetValue<int>(), tea["available"]!.GetValue<bool>()));
        Assert.Empty(tea["allergens"]!.AsArray());
        Assert.Empty(tea["dietary"]!.AsArray());
        Assert.Empty(tea["optionGroups"]!.AsArray());
    }

    public static TheoryData<string, string> InvalidDetails() => new()
    {
        { """{"min":2,"max":1}""", "items[0].optionGroups[0].min" },
        { """{"min":3,"max":3}""", "items[0].optionGroups[0].min" },
        { """{"max":0}""", "items[0].optionGroups[0].max" },
        { """{"options":[]}""", "items[0].optionGroups[0].options" },
        { """{"options":[{"id":"cup","name":"Cup","price":-0.5}]}""", "items[0].optionGroups[0].options[0].price" },
        { """{"options":[{"id":"cup","name":"Cup","price":0.001}]}""", "items[0].optionGroups[0].options[0].price" },
        { """{"options":[{"id":"cup","name":"Cup","price":0},{"id":"cup","name":"Mug","price":0}]}""", "items[0].optionGroups" },
    };

    [Theory, MemberData(nameof(InvalidDetails))]
    public async Task An_invalid_option_group_is_a_validation_failure_naming_it(string change, string field)
    {
        var tea = Tea();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject()) tea["optionGroups"]![0]![name] = value?.DeepClone();

        var response = await Api.Staff().PutJsonAsync("/menu", MenuOf(tea));

        Assert.Contains(field, await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData("allergens", """["gluten","shellfish"]""", "items[0].allergens[1]")]
    [InlineData("allergens", """["milk","milk"]""", "items[0].allergens")]
    [InlineData("dietary", """["vegan","vegan"]""", "items[0].dietary")]
    [InlineData("station", "\"the bar\"", "items[0].station")]
    [InlineData("course", "0", "items[0].course")]
    [InlineData("course", "21", "items[0].course")]
    [InlineData("description", "\"a\\u0000b\"", "items[0].description")]
    public async Task An_invalid_item_detail_is_a_validation_failure_naming_it(string name, string value, string field)
    {
        var tea = Tea();
        tea[name] = JsonNode.Parse(value);

        var response = await Api.Staff().PutJsonAsync("/menu", MenuOf(tea));

        Assert.Contains(field, await response.AssertValidationProblemAsync());
    }
}
