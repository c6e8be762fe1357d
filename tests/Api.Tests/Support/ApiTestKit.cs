using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests.Support;

/// <summary>Table names that no other test of the same fixture uses (tables are unique while an order is unpaid).</summary>
public static class Tables
{
    /// <summary><paramref name="prefix"/> (at most 7 characters) and 12 random hex digits: 20 characters at most.</summary>
    public static string Unique(string prefix)
    {
        Assert.InRange(prefix.Length, 1, 7);
        return $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
    }
}

/// <summary>Requests the typed helpers cannot express: raw bodies, idempotency keys, JSON arrays.</summary>
public static class Requests
{
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string? body,
        string? idempotencyKey = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string path, string? body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<JsonArray> ReadJsonArrayAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

    public static async Task<JsonObject> ReadOkJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The field names of a validation problem's <c>errors</c>, after asserting it is one.</summary>
    public static async Task<IReadOnlyList<string>> AssertValidationProblemAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem["errors"]?.AsObject();
        Assert.NotNull(errors);
        Assert.NotEmpty(errors);
        foreach (var (_, messages) in errors)
        {
            Assert.NotEmpty(messages!.AsArray());
            Assert.All(messages.AsArray(), m => Assert.False(string.IsNullOrWhiteSpace(m!.GetValue<string>())));
        }
        return errors.Select(e => e.Key).ToList();
    }

    public static string Text(this JsonNode? node) => node!.GetValue<string>();
}

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

/// <summary>The running API's own database, for arranging states no endpoint can reach yet and for inspecting storage.</summary>
public static class ApiDatabase
{
    public static RestaurantDbContext Open(RestaurantApi api) => api.Database.OpenContext();
}

public static class OrderAssertions
{
    /// <summary>The view of an order nobody has added to yet: open, nothing pending or sent, no bill, no payments.</summary>
    public static void AssertNewOpenOrder(JsonObject order, string table)
    {
        Assert.Equal(table, order["table"].Text());
        Assert.Equal("open", order["status"].Text());
        Assert.Empty(order["pending"]!.AsArray());
        Assert.Empty(order["tickets"]!.AsArray());
        Assert.True(order.ContainsKey("bill"));
        Assert.Null(order["bill"]);
        Assert.Empty(order["payments"]!.AsArray());
        Assert.True(order.ContainsKey("balance"));
        Assert.Null(order["balance"]);
    }
}
