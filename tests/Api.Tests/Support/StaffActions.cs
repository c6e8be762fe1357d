using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

/// <summary>What the waiter's tablet and the kitchen display do to a table's order (staff calls).</summary>
public static class StaffActions
{
    public static Task<HttpResponseMessage> FireAsync(this TableSession table, int? course = null) =>
        table.Api.Staff().PostAsJsonAsync($"/orders/{table.OrderId}/fire", new { course });

    public static Task<HttpResponseMessage> VoidAsync(this TableSession table, string? reason, params object[] lines) =>
        table.Api.Staff().PostAsJsonAsync($"/orders/{table.OrderId}/void", new { lines, reason });

    /// <summary>A line to void: all of its units, or <paramref name="quantity"/> of them.</summary>
    public static object Units(string lineId, int? quantity = null) => new { lineId, quantity };

    public static Task<HttpResponseMessage> CompAsync(this TableSession table, string? reason, params string[] lines) =>
        table.Api.Staff().PostAsJsonAsync($"/orders/{table.OrderId}/comp", new { lines, reason });

    public static Task<HttpResponseMessage> DiscountAsync(this TableSession table, string kind, decimal value, string? reason = "happy hour") =>
        table.Api.Staff().PostAsJsonAsync($"/orders/{table.OrderId}/discounts", new { kind, value, reason });

    public static Task<HttpResponseMessage> RemoveDiscountAsync(this TableSession table, string discountId) =>
        table.Api.Staff().DeleteAsync($"/orders/{table.OrderId}/discounts/{discountId}");

    public static Task<HttpResponseMessage> ServiceChargeAsync(this TableSession table, decimal rate) =>
        table.Api.Staff().PostAsJsonAsync($"/orders/{table.OrderId}/service-charge", new { rate });

    public static Task<HttpResponseMessage> RefundAsync(this TableSession table, string tenderId, decimal amount, string? reason = "sent back") =>
        table.Api.Staff().PostAsJsonAsync($"/payments/{table.OrderId}/refunds", new { tenderId, amount, reason });

    /// <summary>The kitchen moves a ticket's lines (or those listed) to <paramref name="status"/>.</summary>
    public static Task<HttpResponseMessage> BumpAsync(RestaurantApi api, long sequence, string status, params string[] lineIds) =>
        api.Staff().PostAsJsonAsync($"/kitchen/tickets/{sequence}/status", new { status, lineIds = lineIds.Length == 0 ? null : lineIds });

    /// <summary>Every kitchen ticket after <paramref name="after"/>, paged the way a kitchen screen pages.</summary>
    public static async Task<List<JsonObject>> KitchenTicketsAsync(RestaurantApi api, long after = 0, string? station = null)
    {
        var all = new List<JsonObject>();
        var staff = api.Staff();
        while (true)
        {
            var query = station is null ? $"after={after}" : $"after={after}&station={station}";
            var response = await staff.GetAsync($"/kitchen/tickets?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonArrayAsync();
            if (page.Count == 0) return all;
            all.AddRange(page.Select(t => t!.DeepClone().AsObject()));
            after = page[^1]!["sequence"]!.GetValue<long>();
        }
    }

    /// <summary>The kitchen's copy of one ticket of one order.</summary>
    public static JsonObject Of(this List<JsonObject> tickets, TableSession table, int number) =>
        tickets.Single(t => t["orderId"].Text() == table.OrderId && t["number"]!.GetValue<int>() == number);

    public static string[] LineIds(JsonNode ticket) => ticket["lines"]!.AsArray().Select(l => l!["lineId"].Text()).ToArray();

    public static JsonObject LineOf(JsonObject order, string lineId) =>
        order["tickets"]!.AsArray().SelectMany(t => t!["lines"]!.AsArray())
            .Concat(order["pending"]!.AsArray()).Concat(order["held"]!.AsArray())
            .First(l => l!["lineId"].Text() == lineId)!.AsObject();
}
