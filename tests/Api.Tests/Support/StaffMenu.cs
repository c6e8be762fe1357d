using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// Menu changes over the staff endpoints (PUT /menu, PUT /menu/items/{id}/availability). Tests that use them put the
/// menu back before they end, since the other tests of their class share the database.
/// </summary>
public static class StaffMenu
{
    /// <summary>"86" an item (or bring it back) and return the item as the API answers it.</summary>
    public static async Task<JsonObject> SetAvailabilityAsync(RestaurantApi api, string itemId, bool available)
    {
        var response = await api.Staff().PutAsJsonAsync($"/menu/items/{itemId}/availability", new { available });
        return await response.ReadOkJsonAsync();
    }

    /// <summary>The menu GET /menu serves now, as a body PUT /menu accepts (its extra fields are ignored).</summary>
    public static async Task<JsonObject> CurrentAsync(RestaurantApi api) =>
        await (await api.Anonymous().GetAsync("/menu")).ReadOkJsonAsync();

    /// <summary>Publishes a new menu version, effective now, with one item's price changed.</summary>
    public static Task<int> PublishPriceAsync(RestaurantApi api, string itemId, decimal price) =>
        PublishAsync(api, menu => Find(menu["items"], itemId)["price"] = price);

    /// <summary>Publishes a new menu version, effective now, with one bundle's price changed.</summary>
    public static Task<int> PublishBundlePriceAsync(RestaurantApi api, string bundleId, decimal price) =>
        PublishAsync(api, menu => Find(menu["bundles"], bundleId)["price"] = price);

    /// <summary>Publishes a new menu version, effective now, with another tax rate.</summary>
    public static Task<int> PublishTaxRateAsync(RestaurantApi api, decimal taxRate) =>
        PublishAsync(api, menu => menu["taxRate"] = taxRate);

    /// <summary>PUT /menu with the current menu changed by <paramref name="change"/>, effective now; returns the new version.</summary>
    public static async Task<int> PublishAsync(RestaurantApi api, Action<JsonObject> change)
    {
        var menu = await CurrentAsync(api);
        menu.Remove("effectiveFrom");
        change(menu);
        return await PutAsync(api, menu);
    }

    /// <summary>PUT /menu, asserting 201; returns the new version.</summary>
    public static async Task<int> PutAsync(RestaurantApi api, JsonObject menu)
    {
        var response = await api.Staff().PutAsJsonAsync("/menu", menu);
        return (await response.ReadOkJsonAsync(HttpStatusCode.Created))["version"]!.GetValue<int>();
    }

    /// <summary>A copy of <paramref name="menu"/> with <paramref name="change"/> applied; the original stays as it was.</summary>
    public static JsonObject Changed(JsonObject menu, Action<JsonObject> change)
    {
        var copy = menu.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    public static JsonNode Find(JsonNode? list, string id) => list!.AsArray().Single(x => x!["id"].Text() == id)!;
}
