using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using DomainMenu = Restaurant.Domain.Menus.Menu;

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
/// Changes the stored menu directly in the API's database, standing in for the staff menu endpoints that do not exist
/// yet. Tests that use it put the menu back before they end, since the other tests of their class share the database.
/// </summary>
public static class StoredMenus
{
    /// <summary>"86" an item the way the availability endpoint will: same version, new revision (and so a new ETag).</summary>
    public static async Task SetAvailabilityAsync(RestaurantApi api, string itemId, bool available)
    {
        await using var db = ApiDatabase.Open(api);
        var current = await db.Menus.OrderByDescending(m => m.EffectiveFrom).ThenByDescending(m => m.Version).FirstAsync();
        current.Store(current.ToMenu().WithAvailability(itemId, available));
        current.Revision++;
        await db.SaveChangesAsync();
    }

    /// <summary>Publishes a new menu version, effective now, with one item's price changed.</summary>
    public static Task PublishPriceAsync(RestaurantApi api, string itemId, decimal price) =>
        PublishAsync(api, menu => new DomainMenu(menu.Currency, menu.TaxRate,
            menu.Items.Select(i => i.Id == itemId ? i with { Price = Money.FromMajor(price) } : i).ToList(), menu.Bundles));

    /// <summary>Publishes a new menu version, effective now, with another tax rate.</summary>
    public static Task PublishTaxRateAsync(RestaurantApi api, decimal taxRate) =>
        PublishAsync(api, menu => new DomainMenu(menu.Currency, taxRate, menu.Items, menu.Bundles));

    /// <summary>What PUT /menu will do: a new version, effective now, derived from the current one.</summary>
    public static async Task PublishAsync(RestaurantApi api, Func<DomainMenu, DomainMenu> change)
    {
        await using var db = ApiDatabase.Open(api);
        var current = await db.Menus.OrderByDescending(m => m.EffectiveFrom).ThenByDescending(m => m.Version).FirstAsync();
        var next = new StoredMenu { Version = await db.Menus.MaxAsync(m => m.Version) + 1, EffectiveFrom = DateTimeOffset.UtcNow };
        next.Store(change(current.ToMenu()));
        db.Menus.Add(next);
        await db.SaveChangesAsync();
    }
}

/// <summary>The running API's own SQLite database, for arranging states no endpoint can reach yet and for inspecting storage.</summary>
public static class ApiDatabase
{
    public static RestaurantDbContext Open(RestaurantApi api) =>
        new(new DbContextOptionsBuilder<RestaurantDbContext>().UseSqlite(api.ConnectionString).Options);
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
