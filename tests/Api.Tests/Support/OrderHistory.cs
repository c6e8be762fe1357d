using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

/// <summary>What a race on one order must leave behind: every acknowledged line once, tickets without gaps.</summary>
public static class OrderHistory
{
    public static readonly string[] Menu = ["salad", "soup", "omelet", "pancakes", "burger", "fries", "juice", "coffee", "tea", "soda", "cake"];

    /// <summary>The least a diner must choose for an item of the default menu: a burger's doneness; nothing for the others.</summary>
    public static string[]? RequiredOptions(string menuItemId) => menuItemId == "burger" ? ["medium"] : null;

    public static async Task SubmitAsync(HttpClient client, string orderId, ConcurrentBag<int> tickets)
    {
        var response = await client.PostAsync($"/orders/{orderId}/submit", null);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
            $"submit answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var ticket = (await response.ReadJsonAsync())["ticket"];
        if (response.StatusCode == HttpStatusCode.Created) tickets.Add(ticket!["number"]!.GetValue<int>());
        else Assert.Null(ticket);
    }

    public static IEnumerable<JsonNode> TicketLines(JsonObject order) =>
        order["tickets"]!.AsArray().SelectMany(ticket => ticket!["lines"]!.AsArray()).Select(line => line!);

    public static void AssertEveryAcknowledgedLineExactlyOnce(JsonObject order, ConcurrentDictionary<string, int> acknowledged)
    {
        var lines = TicketLines(order).Concat(order["pending"]!.AsArray().Select(line => line!)).ToList();
        var byNote = lines.GroupBy(line => line["note"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(acknowledged.Keys.Order(), byNote.Keys.Order());
        foreach (var (note, quantity) in acknowledged)
        {
            var line = Assert.Single(byNote[note]);
            Assert.Equal(quantity, line["quantity"]!.GetValue<int>());
        }
        Assert.Equal(lines.Count, lines.Select(line => line["lineId"]!.GetValue<string>()).Distinct().Count());
    }

    public static void AssertTicketsAreGapless(JsonObject order, ConcurrentBag<int> submitted)
    {
        var numbers = order["tickets"]!.AsArray().Select(ticket => ticket!["number"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.Equal(numbers, submitted.Order());
        Assert.All(order["tickets"]!.AsArray(), ticket => Assert.NotEmpty(ticket!["lines"]!.AsArray()));
    }
}
