using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Menu;

/// <summary>
/// PUT /menu publishes a whole menu as the next version. Tests that publish a menu in effect now put the default back
/// before they end; scheduled menus stay scheduled (this fixture's clock is the real one, so their time never comes).
/// </summary>
public sealed class PutMenuTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private static readonly TimeSpan Leeway = TimeSpan.FromSeconds(5);

    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task Only_staff_may_publish_a_menu()
    {
        var before = await StaffMenu.CurrentAsync(Api);
        var diner = await TableSession.OpenAsync(Api, Tables.Unique("putmenu"));
        var body = StaffMenu.Changed(before, menu => StaffMenu.Find(menu["items"], "coffee")["price"] = 0.5m);

        await (await Api.Anonymous().PutJsonAsync("/menu", body)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await Api.WithToken("not-a-token").PutJsonAsync("/menu", body)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await diner.Client.PutJsonAsync("/menu", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var after = await StaffMenu.CurrentAsync(Api);
        Assert.Equal(before["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
        Assert.Equal(3.00m, StaffMenu.Find(after["items"], "coffee")["price"].Money());
    }

    [Fact]
    public async Task Publishing_answers_201_with_the_next_version_its_start_and_its_location()
    {
        // The body is what GET /menu returned, version and (past) effectiveFrom included: those fields are ignored.
        var current = await StaffMenu.CurrentAsync(Api);
        var started = DateTimeOffset.UtcNow;

        var first = await Api.Staff().PutJsonAsync("/menu", current);
        var second = await Api.Staff().PutJsonAsync("/menu", current);

        var published = await first.ReadOkJsonAsync(HttpStatusCode.Created);
        var version = published["version"]!.GetValue<int>();
        Assert.True(version > current["version"]!.GetValue<int>());
        Assert.Equal($"/menu?version={version}", first.Headers.Location?.OriginalString);
        var effectiveFrom = DateTimeOffset.Parse(published["effectiveFrom"].Text(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(effectiveFrom, started - Leeway, DateTimeOffset.UtcNow + Leeway);
        Assert.EndsWith("Z", published["effectiveFrom"].Text());
        Assert.Equal(version + 1, (await second.ReadOkJsonAsync(HttpStatusCode.Created))["version"]!.GetValue<int>());

        var fetched = await (await Api.Anonymous().GetAsync(first.Headers.Location)).ReadOkJsonAsync();
        Assert.Equal(version, fetched["version"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(current["items"], fetched["items"]));
        Assert.True(JsonNode.DeepEquals(current["bundles"], fetched["bundles"]));
        Assert.Equal(version + 1, (await StaffMenu.CurrentAsync(Api))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Concurrent_publishes_each_get_their_own_version()
    {
        // Several rounds: the newest version must be the one in effect however the publishes interleave.
        var current = await StaffMenu.CurrentAsync(Api);
        var versions = new List<int>();
        var inEffect = new List<int>();
        for (var round = 0; round < 4; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Api.Staff().PutJsonAsync("/menu", current))));
            var published = new List<int>();
            foreach (var response in responses)
                published.Add((await response.ReadOkJsonAsync(HttpStatusCode.Created))["version"]!.GetValue<int>());
            versions.AddRange(published);
            inEffect.Add(published.Max() - (await StaffMenu.CurrentAsync(Api))["version"]!.GetValue<int>());
        }

        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal(versions.Max() - versions.Min() + 1, versions.Count);
        Assert.All(inEffect, behind => Assert.Equal(0, behind));
    }

    [Fact]
    public async Task A_menu_without_effective_from_takes_effect_at_once_and_new_lines_capture_its_prices()
    {
        var original = await StaffMenu.CurrentAsync(Api);
        var session = await TableSession.OpenAsync(Api, Tables.Unique("newprc"));
        await session.AddAsync(TableSession.Item("coffee", diner: "Early"));
        try
        {
            var version = await StaffMenu.PutAsync(Api, StaffMenu.Changed(original, menu =>
            {
                menu.Remove("effectiveFrom");
                StaffMenu.Find(menu["items"], "coffee")["price"] = 3.25m;
                menu["items"]!.AsArray().Add(new JsonObject
                {
                    ["id"] = "latte", ["name"] = "Latte", ["category"] = "drinks", ["price"] = 4.5m, ["available"] = true,
                });
            }));

            var menu = await StaffMenu.CurrentAsync(Api);
            Assert.Equal(version, menu["version"]!.GetValue<int>());
            Assert.Equal(3.25m, StaffMenu.Find(menu["items"], "coffee")["price"].Money());
            Assert.Equal("Latte", StaffMenu.Find(menu["items"], "latte")["name"].Text());

            var order = await (await session.AddAsync(TableSession.Item("coffee", diner: "Late"), TableSession.Item("latte", diner: "Late")))
                .ReadOkJsonAsync();
            Assert.Equal([3.00m, 3.25m, 4.50m], order["pending"]!.AsArray().Select(l => l!["unitPrice"].Money()));
        }
        finally
        {
            await StaffMenu.PutAsync(Api, original);
        }
    }

    [Fact]
    public async Task An_effective_from_in_the_past_takes_effect_at_once()
    {
        var original = await StaffMenu.CurrentAsync(Api);
        var started = DateTimeOffset.UtcNow;
        try
        {
            var response = await Api.Staff().PutJsonAsync("/menu", StaffMenu.Changed(original, menu =>
            {
                menu["effectiveFrom"] = "2001-01-01T00:00:00Z";
                StaffMenu.Find(menu["items"], "tea")["price"] = 2.75m;
            }));

            var published = await response.ReadOkJsonAsync(HttpStatusCode.Created);
            var effectiveFrom = DateTimeOffset.Parse(published["effectiveFrom"].Text(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(effectiveFrom, started - Leeway, DateTimeOffset.UtcNow + Leeway);
            var menu = await StaffMenu.CurrentAsync(Api);
            Assert.Equal(published["version"]!.GetValue<int>(), menu["version"]!.GetValue<int>());
            Assert.Equal(2.75m, StaffMenu.Find(menu["items"], "tea")["price"].Money());
        }
        finally
        {
            await StaffMenu.PutAsync(Api, original);
        }
    }

    [Fact]
    public async Task A_menu_with_a_future_effective_from_is_scheduled_and_can_be_fetched_ahead_of_time()
    {
        var current = await Api.Anonymous().GetAsync("/menu");
        var before = await current.ReadOkJsonAsync();
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30).AddHours(11), TimeSpan.Zero);
        var session = await TableSession.OpenAsync(Api, Tables.Unique("sched"));

        var response = await Api.Staff().PutJsonAsync("/menu", StaffMenu.Changed(before, menu =>
        {
            menu["effectiveFrom"] = startsAt.ToString("O");
            StaffMenu.Find(menu["items"], "pancakes")["price"] = 9.50m;
        }));

        var published = await response.ReadOkJsonAsync(HttpStatusCode.Created);
        var version = published["version"]!.GetValue<int>();
        Assert.Equal(startsAt, DateTimeOffset.Parse(published["effectiveFrom"].Text(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"/menu?version={version}", response.Headers.Location?.OriginalString);

        // GET /menu keeps serving the menu in effect, unchanged down to its ETag; orders keep its prices.
        var now = await Api.Anonymous().GetAsync("/menu");
        Assert.Equal(current.Headers.ETag, now.Headers.ETag);
        var served = await now.ReadOkJsonAsync();
        Assert.Equal(before["version"]!.GetValue<int>(), served["version"]!.GetValue<int>());
        Assert.Equal(8.50m, StaffMenu.Find(served["items"], "pancakes")["price"].Money());
        var order = await (await session.AddAsync(TableSession.Item("pancakes"))).ReadOkJsonAsync();
        Assert.Equal(8.50m, order["pending"]![0]!["unitPrice"].Money());

        var scheduled = await (await Api.Anonymous().GetAsync($"/menu?version={version}")).ReadOkJsonAsync();
        Assert.Equal(version, scheduled["version"]!.GetValue<int>());
        Assert.Equal(9.50m, StaffMenu.Find(scheduled["items"], "pancakes")["price"].Money());
    }

    [Fact]
    public async Task A_bill_uses_the_bundles_of_the_menu_in_effect_at_bill_time()
    {
        var original = await StaffMenu.CurrentAsync(Api);
        var session = await TableSession.OpenAsync(Api, Tables.Unique("bndlnow"));
        await session.AddAsync(TableSession.Item("salad", diner: "John"), TableSession.Item("juice", diner: "John"));
        await session.SubmitAsync();
        try
        {
            await StaffMenu.PublishBundlePriceAsync(Api, "salad-juice", 9.00m);

            var bill = await (await session.BillAsync()).ReadOkJsonAsync();

            var bundle = Assert.Single(bill["bundles"]!.AsArray())!;
            Assert.Equal("salad-juice", bundle["bundleId"].Text());
            Assert.Equal(9.00m, bundle["price"].Money());
            Assert.Equal(12.00m, bill["subtotal"].Money());
            Assert.Equal(3.00m, bill["savings"].Money());
            Assert.Equal(9.00m, bill["total"].Money());
        }
        finally
        {
            await StaffMenu.PutAsync(Api, original);
        }
    }

    [Fact]
    public async Task A_slot_may_list_fifty_items()
    {
        var original = await StaffMenu.CurrentAsync(Api);
        try
        {
            var version = await StaffMenu.PutAsync(Api, StaffMenu.Changed(original, menu => Widen(menu, 50)));

            var published = await (await Api.Anonymous().GetAsync($"/menu?version={version}")).ReadOkJsonAsync();
            Assert.Equal(50, published["bundles"]![0]!["slots"]![1]!.AsArray().Count);
        }
        finally
        {
            await StaffMenu.PutAsync(Api, original);
        }
    }

    /// <summary>Each case breaks the default menu one way; the problem must name the field.</summary>
    private static readonly Dictionary<string, (Action<JsonObject> Break, string Field)> Invalid = new()
    {
        ["duplicate item id"] = (m => Items(m).Add(Items(m)[0]!.DeepClone()), "items[11].id"),
        ["duplicate bundle id"] = (m => Bundles(m).Add(Bundles(m)[0]!.DeepClone()), "bundles[5].id"),
        ["slot naming an unknown item"] = (m => Slot(m, 0, 1).Add("steak"), "bundles[0].slots[1]"),
        ["empty slot"] = (m => Slot(m, 0, 1).Clear(), "bundles[0].slots[1]"),
        ["slot listing null"] = (m => Slot(m, 0, 1).Add(null), "bundles[0].slots[1]"),
        ["slot listing an item twice"] = (m => Slot(m, 0, 1).Add("juice"), "bundles[0].slots[1]"),
        ["slot listing 51 items"] = (m => Widen(m, 51), "bundles[0].slots[1]"),
        ["bundle without slots"] = (m => Slots(m, 0).Clear(), "bundles[0].slots"),
        ["bundle with 7 slots"] = (m => { for (var i = 0; i < 5; i++) Slots(m, 0).Add(new JsonArray("juice")); }, "bundles[0].slots"),
        ["bundle slots missing"] = (m => Bundles(m)[0]!.AsObject().Remove("slots"), "bundles[0].slots"),
        ["item price zero"] = (m => Items(m)[0]!["price"] = 0, "items[0].price"),
        ["item price negative"] = (m => Items(m)[0]!["price"] = -1.5m, "items[0].price"),
        ["item price with 3 decimals"] = (m => Items(m)[0]!["price"] = 8.005m, "items[0].price"),
        ["item price too large"] = (m => Items(m)[0]!["price"] = 1_000_000.01m, "items[0].price"),
        ["item price missing"] = (m => Items(m)[0]!.AsObject().Remove("price"), "items[0].price"),
        ["item price not a number"] = (m => Items(m)[0]!["price"] = "eight", "items[0].price"),
        ["bundle price zero"] = (m => Bundles(m)[1]!["price"] = 0, "bundles[1].price"),
        ["bundle price with 3 decimals"] = (m => Bundles(m)[1]!["price"] = 9.999m, "bundles[1].price"),
        ["item id missing"] = (m => Items(m)[3]!.AsObject().Remove("id"), "items[3].id"),
        ["item id blank"] = (m => Items(m).Add(NewItem(" ")), "items[11].id"),
        ["item id of 65 characters"] = (m => Items(m).Add(NewItem(new string('x', 65))), "items[11].id"),
        ["item id with a slash"] = (m => Items(m).Add(NewItem("tea/green")), "items[11].id"),
        ["item name missing"] = (m => Items(m)[2]!.AsObject().Remove("name"), "items[2].name"),
        ["item name of 201 characters"] = (m => Items(m)[2]!["name"] = new string('n', 201), "items[2].name"),
        ["item category missing"] = (m => Items(m)[2]!.AsObject().Remove("category"), "items[2].category"),
        ["bundle id missing"] = (m => Bundles(m)[4]!.AsObject().Remove("id"), "bundles[4].id"),
        ["bundle id of 65 characters"] = (m => Bundles(m)[4]!["id"] = new string('b', 65), "bundles[4].id"),
        ["bundle name missing"] = (m => Bundles(m)[4]!["name"] = "", "bundles[4].name"),
        ["bundle name of 201 characters"] = (m => Bundles(m)[4]!["name"] = new string('n', 201), "bundles[4].name"),
        ["item null"] = (m => Items(m).Add(null), "items[11]"),
        ["no items"] = (m => Items(m).Clear(), "items"),
        ["items missing"] = (m => m.Remove("items"), "items"),
        ["501 items"] = (m => { for (var i = 0; i < 490; i++) Items(m).Add(NewItem($"i{i}")); }, "items"),
        ["bundles missing"] = (m => m.Remove("bundles"), "bundles"),
        ["51 bundles"] = (m => { for (var i = 0; i < 46; i++) Bundles(m).Add(new JsonObject
            { ["id"] = $"b{i}", ["name"] = "B", ["price"] = 1, ["slots"] = new JsonArray(new JsonArray("tea")) }); }, "bundles"),
        ["201 slot entries"] = (m => { for (var i = 0; i < 4; i++) Bundles(m).Add(new JsonObject
            {
                ["id"] = $"wide{i}", ["name"] = "Wide", ["price"] = 1,
                ["slots"] = new JsonArray([.. Enumerable.Range(0, 6).Select(_ => (JsonNode)new JsonArray(
                    [.. new[] { "salad", "soup", "omelet", "pancakes", "burger", "fries", "juice", "coffee" }.Select(id => (JsonNode)id)]))]),
            }); }, "bundles"),
        ["currency lower case"] = (m => m["currency"] = "usd", "currency"),
        ["currency of 2 letters"] = (m => m["currency"] = "US", "currency"),
        ["currency without cents"] = (m => m["currency"] = "JPY", "currency"),
        ["currency in thousandths"] = (m => m["currency"] = "KWD", "currency"),
        ["currency missing"] = (m => m.Remove("currency"), "currency"),
        ["tax rate below 0"] = (m => m["taxRate"] = -0.01m, "taxRate"),
        ["tax rate above 1"] = (m => m["taxRate"] = 1.01m, "taxRate"),
        ["tax rate missing"] = (m => m.Remove("taxRate"), "taxRate"),
        ["effective from not a time"] = (m => m["effectiveFrom"] = "next tuesday", "effectiveFrom"),
    };

    public static TheoryData<string> InvalidCases => new(Invalid.Keys);

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task An_invalid_menu_is_400_naming_the_field_and_publishes_nothing(string @case)
    {
        var before = await StaffMenu.CurrentAsync(Api);
        var versions = await StoredVersionsAsync();
        var (breakIt, field) = Invalid[@case];

        var response = await Api.Staff().PutJsonAsync("/menu", StaffMenu.Changed(before, breakIt));

        Assert.Contains(field, await response.AssertValidationProblemAsync());
        Assert.True(JsonNode.DeepEquals(before, await StaffMenu.CurrentAsync(Api)), "a refused menu changed the menu in effect");
        Assert.Equal(versions, await StoredVersionsAsync());
    }

    private async Task<int> StoredVersionsAsync()
    {
        await using var db = ApiDatabase.Open(Api);
        return await db.Menus.CountAsync();
    }

    [Fact]
    public async Task Every_problem_of_a_menu_is_listed_at_once()
    {
        var body = StaffMenu.Changed(await StaffMenu.CurrentAsync(Api), m =>
        {
            m["currency"] = "dollars";
            Items(m)[0]!["price"] = 0;
            Items(m).Add(Items(m)[1]!.DeepClone());
            Slot(m, 2, 0).Clear();
        });

        var fields = await (await Api.Staff().PutJsonAsync("/menu", body)).AssertValidationProblemAsync();

        Assert.Equal(["bundles[2].slots[0]", "currency", "items[0].price", "items[11].id"], fields.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null, "body")]
    [InlineData("", "body")]
    [InlineData("[]", "body")]
    [InlineData("null", "body")]
    [InlineData("""{"currency":"USD","taxRate":0,"items":[{"id":"tea","name":"Tea","category":"drinks","price":2.5,""", null)]
    [InlineData("""{"currency":"USD","taxRate":0,"items":{"id":"tea"},"bundles":[]}""", "items")]
    [InlineData("""{"currency":"USD","taxRate":0,"items":[],"bundles":[["tea"]]}""", "bundles[0]")]
    public async Task A_missing_or_malformed_body_is_400(string? body, string? field)
    {
        var versions = await StoredVersionsAsync();

        var response = await Api.Staff().PutRawAsync("/menu", body);

        var fields = await response.AssertValidationProblemAsync();
        if (field is not null) Assert.Contains(field, fields);
        Assert.Equal(versions, await StoredVersionsAsync());
    }


    private static JsonArray Items(JsonObject menu) => menu["items"]!.AsArray();

    private static JsonArray Bundles(JsonObject menu) => menu["bundles"]!.AsArray();

    private static JsonArray Slots(JsonObject menu, int bundle) => Bundles(menu)[bundle]!["slots"]!.AsArray();

    private static JsonArray Slot(JsonObject menu, int bundle, int slot) => Slots(menu, bundle)[slot]!.AsArray();

    private static JsonObject NewItem(string id) =>
        new() { ["id"] = id, ["name"] = "Extra", ["category"] = "extras", ["price"] = 1.25m, ["available"] = true };

    /// <summary>Adds drinks until the menu has <paramref name="width"/> of them and lists them all in the first bundle's second slot.</summary>
    private static void Widen(JsonObject menu, int width)
    {
        var slot = Slot(menu, 0, 1);
        slot.Clear();
        for (var i = 0; i < width; i++)
        {
            Items(menu).Add(NewItem($"drink-{i}"));
            slot.Add($"drink-{i}");
        }
    }
}
