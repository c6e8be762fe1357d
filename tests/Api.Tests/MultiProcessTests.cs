using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// Two API nodes on one database (two hosts, two ports, two connection pools): the guarantees come from the
/// database, not from anything in one process, so diners on both nodes at once lose nothing and duplicate nothing,
/// the kitchen boundary holds across nodes, and an Idempotency-Key first used on one node replays on the other.
/// </summary>
public sealed class MultiProcessTests(TwoNodeFixture nodes) : IClassFixture<TwoNodeFixture>
{
    private const int DinersPerNode = 4;
    private const int AdditionsPerDiner = 10;

    [Fact]
    public async Task Diners_on_two_nodes_while_a_waiter_submits_on_both_lose_nothing_and_duplicate_nothing()
    {
        var table = await TableSession.OpenAsync(nodes.A, Tables.Unique("twonode"));
        var acknowledged = new ConcurrentDictionary<string, int>(); // note → units the server said it added
        var submittedTickets = new ConcurrentBag<int>();

        using var dinersDone = new CancellationTokenSource();
        var waiter = Task.Run(async () =>
        {
            RestaurantApi[] both = [nodes.A, nodes.B];
            var clients = both.Select(node => node.Staff()).ToArray();
            for (var turn = 0; !dinersDone.IsCancellationRequested; turn++)
                await OrderHistory.SubmitAsync(clients[turn % 2], table.OrderId, submittedTickets);
        });
        var diners = Enumerable.Range(0, 2 * DinersPerNode).Select(diner => Task.Run(async () =>
        {
            var node = diner < DinersPerNode ? nodes.A : nodes.B;
            var client = node.WithToken(table.Token);
            for (var i = 0; i < AdditionsPerDiner; i++)
            {
                var note = $"{(node == nodes.A ? "A" : "B")}-d{diner}-a{i}";
                var quantity = 1 + (diner + i) % 2;
                var response = await client.PostAsJsonAsync($"/orders/{table.OrderId}/items",
                    new { add = new[] { TableSession.Item(OrderHistory.Menu[(diner + i) % OrderHistory.Menu.Length], quantity, $"diner-{diner}", note) } });
                Assert.True(response.StatusCode == HttpStatusCode.OK,
                    $"node {(node == nodes.A ? "A" : "B")} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                acknowledged[note] = quantity;
            }
        })).ToList();
        try
        {
            await Task.WhenAll(diners);
        }
        finally
        {
            await dinersDone.CancelAsync();
            await waiter;
        }

        var b = nodes.B.WithToken(table.Token);
        await OrderHistory.SubmitAsync(b, table.OrderId, submittedTickets);
        var billed = await b.PostAsync($"/orders/{table.OrderId}/bill", null);
        var bill = await billed.ReadOkJsonAsync();

        var order = await (await b.GetAsync($"/orders/{table.OrderId}")).ReadOkJsonAsync();
        Assert.Equal("billed", order["status"].Text());
        Assert.Empty(order["pending"]!.AsArray());
        Assert.Equal(2 * DinersPerNode * AdditionsPerDiner, acknowledged.Count);
        OrderHistory.AssertEveryAcknowledgedLineExactlyOnce(order, acknowledged);
        var numbers = order["tickets"]!.AsArray().Select(ticket => ticket!["number"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.Equal(numbers, submittedTickets.Order());
        Assert.All(order["tickets"]!.AsArray(), ticket => Assert.NotEmpty(ticket!["lines"]!.AsArray()));

        // The bill, made on B, covers every unit acknowledged by either node.
        Assert.Equal(acknowledged.Values.Sum(), bill["items"]!.AsArray().Sum(item => item!["quantity"]!.GetValue<int>()));
        var subtotal = OrderHistory.TicketLines(order).Sum(line => line["unitPrice"].Money() * line["quantity"]!.GetValue<int>());
        Assert.Equal(subtotal, bill["subtotal"].Money());
        Assert.Equal(bill["total"].Money(), bill["shares"]!.AsArray().Sum(share => share!["amount"].Money()));
        // A sees the same order as B.
        var fromA = await nodes.A.WithToken(table.Token).GetAsync($"/orders/{table.OrderId}");
        Assert.Equal(order.ToJsonString(), (await fromA.ReadOkJsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task A_key_first_used_on_one_node_replays_on_the_other()
    {
        var table = await TableSession.OpenAsync(nodes.A, Tables.Unique("twokey"));
        var key = Guid.NewGuid().ToString();
        var note = $"key-{Guid.NewGuid():N}";
        var body = new { add = new[] { TableSession.Item("burger", diner: "Di", note: note), TableSession.Item("fries", diner: "Di", note: note) } };

        var onA = await nodes.A.WithToken(table.Token).PostJsonAsync($"/orders/{table.OrderId}/items", body, key);
        var onB = await nodes.B.WithToken(table.Token).PostJsonAsync($"/orders/{table.OrderId}/items", body, key);

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(onA.Content.Headers.ContentType, onB.Content.Headers.ContentType);
        Assert.Equal(await onA.Content.ReadAsByteArrayAsync(), await onB.Content.ReadAsByteArrayAsync());
        var order = await (await nodes.B.WithToken(table.Token).GetAsync($"/orders/{table.OrderId}")).ReadOkJsonAsync();
        Assert.Equal(2, order["pending"]!.AsArray().Count(line => line!["note"]?.GetValue<string>() == note));
        Assert.Equal(2, order["pending"]!.AsArray().Count);

        // Another body under that key is refused on either node.
        var other = new { add = new[] { TableSession.Item("soda", diner: "Di", note: note) } };
        await (await nodes.B.WithToken(table.Token).PostJsonAsync($"/orders/{table.OrderId}/items", other, key))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }
}
