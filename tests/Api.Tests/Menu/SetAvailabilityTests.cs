using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Menu;

/// <summary>PUT /menu/items/{id}/availability "86"s an item at once. Every test puts availability back before it ends.</summary>
public sealed class SetAvailabilityTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task Only_staff_may_change_availability()
    {
        var diner = await TableSession.OpenAsync(Api, Tables.Unique("avail"));
        var body = new { available = false };

        await (await Api.Anonymous().PutJsonAsync("/menu/items/soup/availability", body)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await Api.WithToken("not-a-token").PutJsonAsync("/menu/items/soup/availability", body))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await diner.Client.PutJsonAsync("/menu/items/soup/availability", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        Assert.True(StaffMenu.Find((await StaffMenu.CurrentAsync(Api))["items"], "soup")["available"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_86d_item_is_refused_for_new_additions_until_it_is_back()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("eighty6"));
        await session.AddAsync(TableSession.Item("cake", diner: "Before"));
        try
        {
            var item = await StaffMenu.SetAvailabilityAsync(Api, "cake", available: false);

            Assert.True(JsonNode.DeepEquals(
                new JsonObject
                {
                    ["id"] = "cake", ["name"] = "Chocolate Cake", ["category"] = "desserts", ["price"] = 6.5m, ["available"] = false,
                    ["allergens"] = new JsonArray("gluten", "eggs", "milk"), ["dietary"] = new JsonArray(), ["station"] = "kitchen", ["course"] = 3,
                    ["optionGroups"] = new JsonArray(),
                },
                item));
            var listed = StaffMenu.Find((await StaffMenu.CurrentAsync(Api))["items"], "cake");
            Assert.False(listed["available"]!.GetValue<bool>());
            var refused = await session.AddAsync(TableSession.Item("tea"), TableSession.Item("cake"));
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "item_unavailable");
            Assert.Contains("Chocolate Cake", problem["detail"].Text());
            // A line added before the item ran out stays, and still goes to the kitchen.
            Assert.Single((await session.GetAsync())["pending"]!.AsArray());
            Assert.Equal(HttpStatusCode.Created, (await session.SubmitAsync()).StatusCode);
        }
        finally
        {
            var back = await StaffMenu.SetAvailabilityAsync(Api, "cake", available: true);
            Assert.True(back["available"]!.GetValue<bool>());
        }

        var order = await (await session.AddAsync(TableSession.Item("cake", diner: "After"))).ReadOkJsonAsync();
        Assert.Equal(6.50m, Assert.Single(order["pending"]!.AsArray())!["unitPrice"].Money());
        Assert.True(StaffMenu.Find((await StaffMenu.CurrentAsync(Api))["items"], "cake")["available"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Each_change_gives_the_menu_a_new_etag_in_the_same_version()
    {
        var first = await Api.Anonymous().GetAsync("/menu");
        var version = (await first.ReadOkJsonAsync())["version"]!.GetValue<int>();
        try
        {
            await StaffMenu.SetAvailabilityAsync(Api, "fries", available: false);

            var request = new HttpRequestMessage(HttpMethod.Get, "/menu");
            request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            var after = await Api.Anonymous().SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.NotEqual(first.Headers.ETag, after.Headers.ETag);
            var menu = await after.ReadOkJsonAsync();
            Assert.Equal(version, menu["version"]!.GetValue<int>());
            Assert.False(StaffMenu.Find(menu["items"], "fries")["available"]!.GetValue<bool>());

            await StaffMenu.SetAvailabilityAsync(Api, "fries", available: true);
            var restored = await Api.Anonymous().GetAsync("/menu");
            Assert.NotEqual(first.Headers.ETag, restored.Headers.ETag);
            Assert.NotEqual(after.Headers.ETag, restored.Headers.ETag);
        }
        finally
        {
            await StaffMenu.SetAvailabilityAsync(Api, "fries", available: true);
        }
    }

    [Fact]
    public async Task Saying_what_is_already_so_changes_nothing()
    {
        var before = await Api.Anonymous().GetAsync("/menu");

        var item = await StaffMenu.SetAvailabilityAsync(Api, "juice", available: true);

        Assert.True(item["available"]!.GetValue<bool>());
        Assert.Equal(before.Headers.ETag, (await Api.Anonymous().GetAsync("/menu")).Headers.ETag);
    }

    [Fact]
    public async Task An_unknown_item_is_400_unknown_menu_item()
    {
        var response = await Api.Staff().PutJsonAsync("/menu/items/steak/availability", new { available = false });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_menu_item");
        Assert.Contains("steak", problem["detail"].Text());
    }

    [Theory]
    [InlineData("{}", "available")]
    [InlineData("""{"available":null}""", "available")]
    [InlineData("""{"available":"no"}""", "available")]
    [InlineData("""{"available":0}""", "available")]
    [InlineData(null, "body")]
    [InlineData("[]", "body")]
    public async Task Available_must_be_true_or_false(string? body, string field)
    {
        var before = await Api.Anonymous().GetAsync("/menu");

        var response = await Api.Staff().PutRawAsync("/menu/items/tea/availability", body);

        Assert.Contains(field, await response.AssertValidationProblemAsync());
        Assert.Equal(before.Headers.ETag, (await Api.Anonymous().GetAsync("/menu")).Headers.ETag);
    }

    [Fact]
    public async Task The_menu_in_effect_and_every_scheduled_version_listing_the_item_change_and_past_ones_do_not()
    {
        var original = await StaffMenu.CurrentAsync(Api);
        var past = original["version"]!.GetValue<int>();
        var current = await StaffMenu.PublishAsync(Api, _ => { });
        var later = DateTimeOffset.UtcNow.AddDays(7).ToString("O");
        var withCake = await StaffMenu.PutAsync(Api, StaffMenu.Changed(original, menu => menu["effectiveFrom"] = later));
        var withoutCake = await StaffMenu.PutAsync(Api, StaffMenu.Changed(original, menu =>
        {
            menu["effectiveFrom"] = later;
            var items = menu["items"]!.AsArray();
            items.Remove(StaffMenu.Find(items, "cake"));
            menu["bundles"]!.AsArray().Remove(StaffMenu.Find(menu["bundles"], "sweet-break"));
        }));
        var etags = new Dictionary<int, string>();
        foreach (var version in new[] { past, current, withCake, withoutCake })
            etags[version] = (await Api.Anonymous().GetAsync($"/menu?version={version}")).Headers.ETag!.Tag;
        try
        {
            await StaffMenu.SetAvailabilityAsync(Api, "cake", available: false);

            Assert.False(await CakeAvailableAsync(current));
            Assert.False(await CakeAvailableAsync(withCake));
            Assert.True(await CakeAvailableAsync(past));
            foreach (var (version, changed) in new[] { (past, false), (current, true), (withCake, true), (withoutCake, false) })
            {
                var etag = (await Api.Anonymous().GetAsync($"/menu?version={version}")).Headers.ETag!.Tag;
                Assert.True(changed == (etag != etags[version]), $"version {version}: ETag {etags[version]} → {etag}");
            }
        }
        finally
        {
            await StaffMenu.SetAvailabilityAsync(Api, "cake", available: true);
        }
        Assert.True(await CakeAvailableAsync(current));
        Assert.True(await CakeAvailableAsync(withCake));
    }

    [Fact]
    public async Task An_item_only_a_scheduled_menu_lists_can_be_86d_ahead_of_time()
    {
        var original = await StaffMenu.CurrentAsync(Api);
        var scheduled = await StaffMenu.PutAsync(Api, StaffMenu.Changed(original, menu =>
        {
            menu["effectiveFrom"] = DateTimeOffset.UtcNow.AddDays(3).ToString("O");
            menu["items"]!.AsArray().Add(new JsonObject
            {
                ["id"] = "gazpacho", ["name"] = "Gazpacho", ["category"] = "starters", ["price"] = 7m, ["available"] = true,
            });
        }));

        var item = await StaffMenu.SetAvailabilityAsync(Api, "gazpacho", available: false);

        Assert.Equal("Gazpacho", item["name"].Text());
        Assert.False(item["available"]!.GetValue<bool>());
        var menu = await (await Api.Anonymous().GetAsync($"/menu?version={scheduled}")).ReadOkJsonAsync();
        Assert.False(StaffMenu.Find(menu["items"], "gazpacho")["available"]!.GetValue<bool>());
        Assert.DoesNotContain((await StaffMenu.CurrentAsync(Api))["items"]!.AsArray(), i => i!["id"].Text() == "gazpacho");
    }

    [Fact]
    public async Task An_idempotency_key_on_a_put_is_ignored()
    {
        var key = Guid.NewGuid().ToString();
        try
        {
            var off = await Api.Staff().PutJsonAsync("/menu/items/soda/availability", new { available = false }, key);
            var on = await Api.Staff().PutJsonAsync("/menu/items/soda/availability", new { available = true }, key);
            var offAgain = await Api.Staff().PutJsonAsync("/menu/items/soda/availability", new { available = false }, key);

            // Each request did its own work: no replay of the first answer, no 422 for a reused key.
            Assert.False((await off.ReadOkJsonAsync())["available"]!.GetValue<bool>());
            Assert.True((await on.ReadOkJsonAsync())["available"]!.GetValue<bool>());
            Assert.False((await offAgain.ReadOkJsonAsync())["available"]!.GetValue<bool>());
            Assert.False(StaffMenu.Find((await StaffMenu.CurrentAsync(Api))["items"], "soda")["available"]!.GetValue<bool>());
        }
        finally
        {
            await StaffMenu.SetAvailabilityAsync(Api, "soda", available: true);
        }
    }

    private async Task<bool> CakeAvailableAsync(int version)
    {
        var menu = await (await Api.Anonymous().GetAsync($"/menu?version={version}")).ReadOkJsonAsync();
        return StaffMenu.Find(menu["items"], "cake")["available"]!.GetValue<bool>();
    }
}
