using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Kitchen;

/// <summary>
/// Voids race submits, fires and additions on one order, over real HTTP and one database: every acknowledged unit is
/// in the order exactly once (sent or voided), every line is on exactly one order ticket, every voided part on exactly
/// one void ticket, the order's one numbering has no gaps, and the kitchen sees each ticket once, in sequence.
/// </summary>
public sealed class VoidRaceTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private const int Diners = 6;
    private const int AdditionsPerDiner = 12;
    private const int Managers = 2;
    private static readonly string[] Items = ["soup", "salad", "fries", "tea", "soda", "cake"];

    [Fact]
    public async Task Voids_racing_submits_fires_and_additions_lose_no_unit_and_put_no_line_on_two_tickets()
    {
        var table = await TableSession.OpenAsync(fixture.Api, Tables.Unique("vrace"));
        var kitchenBefore = (await StaffActions.KitchenTicketsAsync(fixture.Api)).Select(t => t["sequence"]!.GetValue<long>()).DefaultIfEmpty(0).Max();
        var added = new ConcurrentDictionary<string, int>();      // note → units the server said it added
        var voided = new ConcurrentDictionary<string, int>();     // note → units the server said it voided
        var voidTickets = new ConcurrentBag<int>();
        var orderTickets = new ConcurrentBag<int>();

        using var done = new CancellationTokenSource();
        var waiter = Task.Run(async () =>
        {
            var staff = fixture.Api.Staff();
            while (!done.IsCancellationRequested)
            {
                await OrderHistory.SubmitAsync(staff, table.OrderId, orderTickets);
                var fired = await staff.PostAsync($"/orders/{table.OrderId}/fire", null);
                Assert.True(fired.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await fired.Content.ReadAsStringAsync());
                if (fired.StatusCode == HttpStatusCode.Created) orderTickets.Add((await fired.ReadJsonAsync())["ticket"]!["number"]!.GetValue<int>());
            }
        });
        var managers = Enumerable.Range(0, Managers).Select(m => Task.Run(() => VoidWhileServiceRunsAsync(table, m, voided, voidTickets, done.Token))).ToList();
        await Task.WhenAll(Enumerable.Range(0, Diners).Select(diner => Task.Run(async () =>
        {
            // Diners add through their table's token; every third line is the waiter's, held until fired.
            var staff = fixture.Api.Staff();
            for (var i = 0; i < AdditionsPerDiner; i++)
            {
                var note = $"d{diner}-a{i}";
                var hold = i % 3 == 0;
                var response = await (hold ? staff : table.Client).PostAsJsonAsync($"/orders/{table.OrderId}/items",
                    new { add = new[] { TableSession.Item(Items[(diner + i) % Items.Length], 2, $"diner-{diner}", note, hold: hold) } });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                added[note] = 2;
            }
        })));
        await done.CancelAsync();
        await waiter;
        await Task.WhenAll(managers);
        await OrderHistory.SubmitAsync(table.Client, table.OrderId, orderTickets);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Staff().PostAsync($"/orders/{table.OrderId}/fire", null)).StatusCode);

        var order = await table.GetAsync();
        Assert.Empty(order["pending"]!.AsArray());
        Assert.Empty(order["held"]!.AsArray());
        var tickets = order["tickets"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Equal(Enumerable.Range(1, tickets.Count), tickets.Select(t => t["number"]!.GetValue<int>()));
        Assert.Equal(orderTickets.Order(), Numbers(tickets, "order"));
        Assert.Equal(voidTickets.Order(), Numbers(tickets, "void"));
        Assert.NotEmpty(voidTickets);

        // Every line on exactly one order ticket; every voided part on exactly one void ticket, and only those.
        var onOrderTickets = LinesOf(tickets, "order");
        var onVoidTickets = LinesOf(tickets, "void");
        Assert.Equal(onOrderTickets.Count, onOrderTickets.Select(l => l["lineId"].Text()).Distinct().Count());
        Assert.Equal(onVoidTickets.Count, onVoidTickets.Select(l => l["lineId"].Text()).Distinct().Count());
        Assert.Equal(onOrderTickets.Where(IsVoided).Select(l => l["lineId"].Text()).Order(), onVoidTickets.Select(l => l["lineId"].Text()).Order());
        Assert.All(onVoidTickets, line => Assert.True(IsVoided(line)));

        // Every acknowledged unit once: each note's units add up to what was added, and its voided units to what was voided.
        Assert.Equal(added.OrderBy(a => a.Key), Units(onOrderTickets, _ => true).OrderBy(a => a.Key));
        Assert.Equal(voided.Where(v => v.Value > 0).OrderBy(v => v.Key), Units(onOrderTickets, IsVoided).OrderBy(v => v.Key));

        // The kitchen saw every ticket of this order once, in its sequence.
        var feed = (await StaffActions.KitchenTicketsAsync(fixture.Api, kitchenBefore)).Where(t => t["orderId"].Text() == table.OrderId).ToList();
        Assert.Equal(tickets.Select(t => (t["number"]!.GetValue<int>(), t["kind"].Text())), feed.Select(t => (t["number"]!.GetValue<int>(), t["kind"].Text())));
    }

    /// <summary>A manager voids one unit of a sent line now and then, from the order as they last saw it.</summary>
    private async Task VoidWhileServiceRunsAsync(TableSession table, int manager, ConcurrentDictionary<string, int> voided,
        ConcurrentBag<int> voidTickets, CancellationToken done)
    {
        var random = new Random(manager);
        var staff = fixture.Api.Staff();
        while (!done.IsCancellationRequested)
        {
            var seen = await table.GetAsync();
            var live = seen["tickets"]!.AsArray().Where(t => t!["kind"].Text() == "order").SelectMany(t => t!["lines"]!.AsArray())
                .Where(l => !IsVoided(l!)).ToList();
            if (live.Count == 0)
            {
                await Task.Delay(5);
                continue;
            }
            var line = live[random.Next(live.Count)]!;
            var response = await staff.PostAsJsonAsync($"/orders/{table.OrderId}/void",
                new { lines = new[] { StaffActions.Units(line["lineId"].Text(), 1) }, reason = $"manager {manager}" });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var order = await response.ReadJsonAsync();
                var ticket = order["tickets"]!.AsArray().Last(t => t!["kind"].Text() == "void" && t["lines"]![0]!["void"]!["reason"].Text() == $"manager {manager}")!;
                voidTickets.Add(ticket["number"]!.GetValue<int>());
                voided.AddOrUpdate(line["note"].Text(), 1, (_, units) => units + 1);
            }
            else
            {
                // Another manager voided it first: the line is gone or no longer has that unit.
                await response.AssertProblemAsync(HttpStatusCode.Conflict, "invalid_status_change");
            }
        }
    }

    private static bool IsVoided(JsonNode line) => line["status"].Text() == "voided";

    private static List<int> Numbers(List<JsonObject> tickets, string kind) =>
        tickets.Where(t => t["kind"].Text() == kind).Select(t => t["number"]!.GetValue<int>()).ToList();

    private static List<JsonObject> LinesOf(List<JsonObject> tickets, string kind) =>
        tickets.Where(t => t["kind"].Text() == kind).SelectMany(t => t["lines"]!.AsArray()).Select(l => l!.AsObject()).ToList();

    private static Dictionary<string, int> Units(List<JsonObject> lines, Func<JsonObject, bool> which) =>
        lines.Where(which).GroupBy(l => l["note"].Text()).ToDictionary(g => g.Key, g => g.Sum(l => l["quantity"]!.GetValue<int>()));
}
