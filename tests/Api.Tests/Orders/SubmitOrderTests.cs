using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Orders;

public sealed class SubmitOrderTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    [Fact]
    public async Task Sends_every_pending_line_as_ticket_1()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("first"));
        var pending = (await (await session.AddAsync(TableSession.Item("soup", diner: "Ida"), TableSession.Item("tea", 2)))
            .ReadOkJsonAsync())["pending"]!;

        var response = await session.SubmitAsync();

        var ticket = (await response.ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!.AsObject();
        Assert.Equal(1, ticket["number"]!.GetValue<int>());
        Assert.EndsWith("Z", ticket["submittedAt"].Text());
        // The same lines, now with the kitchen.
        var sent = pending.DeepClone().AsArray();
        foreach (var line in sent) line!["status"] = "sent";
        Assert.True(JsonNode.DeepEquals(sent, ticket["lines"]), $"{sent} != {ticket["lines"]}");
        var order = await session.GetAsync();
        Assert.Empty(order["pending"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(ticket, order["tickets"]![0]));
    }

    [Fact]
    public async Task Numbers_tickets_1_2_3_per_order()
    {
        var first = await TableSession.OpenAsync(fixture.Api, Tables.Unique("count"));
        var other = await TableSession.OpenAsync(fixture.Api, Tables.Unique("other"));
        var numbers = new List<int>();
        foreach (var item in new[] { "salad", "burger", "cake" })
        {
            await first.AddAsync(TableSession.Item(item));
            var ticket = (await (await first.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
            numbers.Add(ticket["number"]!.GetValue<int>());
            Assert.Equal([item], ticket["lines"]!.AsArray().Select(l => l!["menuItemId"].Text()));
        }
        await other.AddAsync(TableSession.Item("tea"));
        var othersFirst = (await (await other.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;

        Assert.Equal([1, 2, 3], numbers);
        Assert.Equal(1, othersFirst["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task With_nothing_pending_there_is_no_ticket()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("nothing"));

        var onEmpty = await (await session.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.OK);
        await session.AddAsync(TableSession.Item("fries"));
        await session.SubmitAsync();
        var afterAll = await (await session.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.OK);

        Assert.True(onEmpty.ContainsKey("ticket"));
        Assert.Null(onEmpty["ticket"]);
        Assert.Null(afterAll["ticket"]);
        Assert.Single((await session.GetAsync())["tickets"]!.AsArray());
    }

    [Fact]
    public async Task A_billed_order_cannot_submit()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("billed"));
        await session.AddAsync(TableSession.Item("cake"));
        await session.SubmitAsync();
        await session.BillAsync();

        var response = await session.SubmitAsync();

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
        Assert.Single((await session.GetAsync())["tickets"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_order_is_404_for_staff()
    {
        var response = await fixture.Api.Staff().PostAsync("/orders/no-such-order/submit", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }
}
