using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// Many diners on one order at once, over real HTTP and one database: every acknowledged addition is in the order
/// exactly once, the submit boundary loses and duplicates nothing, tickets have no gaps, and the bill either covers
/// a late addition or the addition is refused.
/// </summary>
public sealed class ConcurrencyTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private const int Diners = 8;
    private const int AdditionsPerDiner = 20;
    private const int LateAdditionsPerDiner = 5; // with phase 1 at most 200 units: Order.MaxUnits

    [Fact]
    public async Task Diners_adding_while_the_table_submits_and_bills_lose_nothing_and_duplicate_nothing()
    {
        var table = await TableSession.OpenAsync(fixture.Api, "race-" + Guid.NewGuid().ToString("N")[..8]);
        var acknowledged = new ConcurrentDictionary<string, int>(); // note → units the server said it added
        var submittedTickets = new ConcurrentBag<int>();

        // Phase 1: 8 diners × 20 additions, each diner on its own connection, while a waiter keeps submitting.
        using var dinersDone = new CancellationTokenSource();
        var waiter = Task.Run(async () =>
        {
            var client = fixture.Api.WithToken(table.Token);
            while (!dinersDone.IsCancellationRequested)
                await OrderHistory.SubmitAsync(client, table.OrderId, submittedTickets);
        });
        await Task.WhenAll(Enumerable.Range(0, Diners).Select(diner => Task.Run(async () =>
        {
            var client = fixture.Api.WithToken(table.Token);
            for (var i = 0; i < AdditionsPerDiner; i++)
            {
                var note = $"d{diner}-a{i}";
                const int quantity = 1;
                var response = await Add(client, table.OrderId, OrderHistory.Menu[(diner + i) % OrderHistory.Menu.Length], quantity, $"diner-{diner}", note);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                acknowledged[note] = quantity;
            }
        })));
        await dinersDone.CancelAsync();
        await waiter;
        await OrderHistory.SubmitAsync(table.Client, table.OrderId, submittedTickets);

        var order = await table.GetAsync();
        Assert.Empty(order["pending"]!.AsArray());
        OrderHistory.AssertEveryAcknowledgedLineExactlyOnce(order, acknowledged);
        OrderHistory.AssertTicketsAreGapless(order, submittedTickets);

        // Phase 2: late additions race the bill. The waiter submits and asks for the bill until it is granted;
        // each late diner adds until the order refuses (or it has added its fill).
        var refusals = new ConcurrentBag<string>();
        var lateDiners = Enumerable.Range(0, Diners).Select(diner => Task.Run(async () =>
        {
            var client = fixture.Api.WithToken(table.Token);
            for (var i = 0; i < LateAdditionsPerDiner; i++)
            {
                var note = $"late-d{diner}-a{i}";
                var response = await Add(client, table.OrderId, "coffee", 1, $"diner-{diner}", note);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged[note] = 1;
                    continue;
                }
                var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
                refusals.Add(problem["code"]!.GetValue<string>());
                return;
            }
        })).ToList();
        JsonObject bill;
        while (true)
        {
            await OrderHistory.SubmitAsync(table.Client, table.OrderId, submittedTickets);
            var response = await table.BillAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                bill = await response.ReadJsonAsync();
                break;
            }
            await response.AssertProblemAsync(HttpStatusCode.Conflict, "pending_items");
        }
        await Task.WhenAll(lateDiners);

        Assert.All(refusals, code => Assert.Equal("order_billed", code));
        order = await table.GetAsync();
        Assert.Equal("billed", order["status"]!.GetValue<string>());
        Assert.Empty(order["pending"]!.AsArray());
        OrderHistory.AssertEveryAcknowledgedLineExactlyOnce(order, acknowledged);
        OrderHistory.AssertTicketsAreGapless(order, submittedTickets);

        // The bill covers exactly the acknowledged units: nothing added after it, nothing missing from it.
        var unitsOnBill = bill["items"]!.AsArray().Sum(item => item!["quantity"]!.GetValue<int>());
        Assert.Equal(acknowledged.Values.Sum(), unitsOnBill);
        var subtotal = OrderHistory.TicketLines(order).Sum(line => line["unitPrice"].Money() * line["quantity"]!.GetValue<int>());
        Assert.Equal(subtotal, bill["subtotal"].Money());
        Assert.Equal(bill["total"].Money(), bill["shares"]!.AsArray().Sum(share => share!["amount"].Money()));
    }

    private static Task<HttpResponseMessage> Add(HttpClient client, string orderId, string item, int quantity, string diner, string note) =>
        client.PostAsJsonAsync($"/orders/{orderId}/items", new { add = new[] { new { menuItemId = item, quantity, diner, note, options = OrderHistory.RequiredOptions(item) } } });
}
