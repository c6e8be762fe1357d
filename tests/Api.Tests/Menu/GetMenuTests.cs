using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Menu;

public sealed class GetMenuTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private readonly HttpClient _client = fixture.Api.Anonymous();

    public static TheoryData<string, string, string, decimal> DefaultItems => new()
    {
        { "salad", "Garden Salad", "starters", 8.00m },
        { "soup", "Soup of the Day", "starters", 6.00m },
        { "omelet", "Omelet", "mains", 9.00m },
        { "pancakes", "Pancakes", "mains", 8.50m },
        { "burger", "Burger", "mains", 12.00m },
        { "fries", "Fries", "sides", 4.00m },
        { "juice", "Orange Juice", "drinks", 4.00m },
        { "coffee", "Coffee", "drinks", 3.00m },
        { "tea", "Tea", "drinks", 2.50m },
        { "soda", "Soda", "drinks", 2.50m },
        { "cake", "Chocolate Cake", "desserts", 6.50m },
    };

    [Fact]
    public async Task Is_public_json_with_the_documented_shape()
    {
        var response = await _client.GetAsync("/menu");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var menu = await response.ReadJsonAsync();
        Assert.Equal(1, menu["version"]!.GetValue<int>());
        Assert.Equal("USD", menu["currency"].Text());
        Assert.Equal(0m, menu["taxRate"].Money());
        foreach (var item in menu["items"]!.AsArray())
        {
            Assert.Equal(JsonValueKind.String, item!["id"]!.GetValueKind());
            Assert.Equal(JsonValueKind.String, item["name"]!.GetValueKind());
            Assert.Equal(JsonValueKind.String, item["category"]!.GetValueKind());
            Assert.Equal(JsonValueKind.Number, item["price"]!.GetValueKind());
            Assert.Equal(item["price"].Money(), decimal.Round(item["price"].Money(), 2));
            Assert.Equal(JsonValueKind.True, item["available"]!.GetValueKind());
        }
        foreach (var bundle in menu["bundles"]!.AsArray())
        {
            Assert.Equal(JsonValueKind.Number, bundle!["price"]!.GetValueKind());
            Assert.All(bundle["slots"]!.AsArray(), slot => Assert.NotEmpty(slot!.AsArray()));
        }
    }

    [Theory]
    [MemberData(nameof(DefaultItems))]
    public async Task Serves_every_item_of_the_default_menu(string id, string name, string category, decimal price)
    {
        var menu = await (await _client.GetAsync("/menu")).ReadJsonAsync();

        var item = Assert.Single(menu["items"]!.AsArray(), i => i!["id"].Text() == id)!;
        Assert.Equal(name, item["name"].Text());
        Assert.Equal(category, item["category"].Text());
        Assert.Equal(price, item["price"].Money());
        Assert.True(item["available"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Serves_exactly_the_default_items_and_bundles()
    {
        var menu = await (await _client.GetAsync("/menu")).ReadJsonAsync();

        Assert.Equal(DefaultItems.Select(row => (string)row[0]), menu["items"]!.AsArray().Select(i => i!["id"].Text()));
        var bundles = menu["bundles"]!.AsArray().Select(b => (
            Id: b!["id"].Text(), Name: b["name"].Text(), Price: b["price"].Money(),
            Slots: string.Join(" ", b["slots"]!.AsArray().Select(s => "[" + string.Join(",", s!.AsArray().Select(x => x.Text())) + "]"))));
        (string, string, decimal, string)[] expected =
        [
            ("salad-juice", "Salad & Juice", 10.00m, "[salad] [juice]"),
            ("omelet-coffee", "Omelet & Coffee", 10.00m, "[omelet] [coffee]"),
            ("breakfast", "Breakfast Deal", 11.00m, "[omelet,pancakes] [coffee,tea,juice]"),
            ("burger-meal", "Burger Meal", 16.00m, "[burger] [fries] [soda,juice,coffee,tea]"),
            ("sweet-break", "Sweet Break", 8.00m, "[cake] [coffee,tea]"),
        ];
        Assert.Equal(expected, bundles);
    }

    [Fact]
    public async Task Sends_an_etag_that_if_none_match_turns_into_304()
    {
        var first = await _client.GetAsync("/menu");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        var request = new HttpRequestMessage(HttpMethod.Get, "/menu");
        request.Headers.IfNoneMatch.Add(etag);
        var cached = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Empty(await cached.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, cached.Headers.ETag);
    }

    [Fact]
    public async Task A_stale_or_foreign_etag_gets_the_full_menu()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/menu");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-menu\""));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Changing_availability_changes_the_etag_and_the_menu()
    {
        var before = await _client.GetAsync("/menu");
        try
        {
            await StaffMenu.SetAvailabilityAsync(fixture.Api, "soup", available: false);

            var request = new HttpRequestMessage(HttpMethod.Get, "/menu");
            request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            var after = await _client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
            var soup = (await after.ReadJsonAsync())["items"]!.AsArray().Single(i => i!["id"].Text() == "soup")!;
            Assert.False(soup["available"]!.GetValue<bool>());
        }
        finally
        {
            await StaffMenu.SetAvailabilityAsync(fixture.Api, "soup", available: true);
        }
    }

    [Fact]
    public async Task A_version_can_be_fetched_by_number()
    {
        var current = await (await _client.GetAsync("/menu")).ReadJsonAsync();
        var response = await _client.GetAsync("/menu?version=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var versioned = await response.ReadJsonAsync();
        Assert.Equal(1, versioned["version"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(current["items"], versioned["items"]));
        Assert.True(JsonNode.DeepEquals(current["bundles"], versioned["bundles"]));
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task An_unknown_version_is_404()
    {
        var response = await _client.GetAsync("/menu?version=999");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task A_malformed_version_is_a_validation_failure(string version)
    {
        var response = await _client.GetAsync($"/menu?version={version}");

        Assert.Contains("version", await response.AssertValidationProblemAsync());
    }
}
