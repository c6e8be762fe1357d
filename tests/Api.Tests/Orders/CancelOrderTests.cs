using System.Net;
using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Orders;

/// <summary>POST /orders/{id}/cancel (staff): an order that left nothing with the kitchen and took no money.</summary>
public sealed class CancelOrderTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task Staff_cancel_an_order_nothing_was_sent_from_and_its_table_is_free_again()
    {
        var table = Tables.Unique("cancel");
        var session = await OpenAsync(Api, table);
        await session.AddAsync(Item("soup"));

        var cancelled = await (await Api.Staff().PostAsync($"/orders/{session.OrderId}/cancel", null)).ReadOkJsonAsync();

        Assert.Equal(("cancelled", "unpaid"), (cancelled["status"].Text(), cancelled["paymentStatus"].Text()));
        Assert.Null((await (await Api.Staff().GetAsync("/tables")).ReadJsonArrayAsync()).Single(t => t!["id"].Text() == table)!["order"]);
        var next = await (await Floor.OpenOrJoinAsync(Api.Anonymous(), table, await Floor.SetUpAsync(Api, table))).ReadOkJsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(session.OrderId, next["id"].Text());
        var listed = await (await Api.Staff().GetAsync("/orders?status=cancelled&limit=500")).ReadJsonArrayAsync();
        Assert.Equal("unpaid", listed.Single(o => o!["id"].Text() == session.OrderId)!["paymentStatus"].Text());
    }

    [Fact]
    public async Task A_cancelled_order_can_be_read_but_refuses_every_change()
    {
        var session = await OpenAsync(Api, Tables.Unique("refuse"));
        await session.AddAsync(Item("tea"));
        await (await Api.Staff().PostAsync($"/orders/{session.OrderId}/cancel", null)).ReadOkJsonAsync();
        var pendingLine = (await session.GetAsync())["pending"]![0]!["lineId"].Text();

        await (await session.AddAsync(Item("cake"))).AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
        await (await session.ChangeAsync(new { remove = new[] { pendingLine } })).AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
        await (await session.SubmitAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
        await (await session.BillAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
        await (await session.PayAsync(Api.Staff(), 2.50m, Cash(2.50m))).AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
        await (await Api.Staff().PostAsync($"/orders/{session.OrderId}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
        var order = await session.GetAsync();
        Assert.Equal("cancelled", order["status"].Text());
        Assert.Single(order["pending"]!.AsArray());
    }

    [Fact]
    public async Task An_order_that_sent_lines_to_the_kitchen_is_not_cancellable_billed_or_paid_alike()
    {
        var session = await OpenAsync(Api, Tables.Unique("sent"));
        await session.AddAsync(Item("burger"));
        await session.SubmitAsync();
        await (await Api.Staff().PostAsync($"/orders/{session.OrderId}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict, "order_not_cancellable");

        await session.BillAsync();
        await (await Api.Staff().PostAsync($"/orders/{session.OrderId}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict, "order_not_cancellable");
        await (await session.PayAsync(12.00m, Card(12.00m))).ReadOkJsonAsync();
        await (await Api.Staff().PostAsync($"/orders/{session.OrderId}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict, "order_not_cancellable");
        Assert.Equal("paid", (await session.GetAsync())["status"].Text());
    }

    [Fact]
    public async Task An_order_whose_sent_lines_were_all_voided_can_be_cancelled()
    {
        var session = await OpenAsync(Api, Tables.Unique("voided"));
        await session.AddAsync(Item("burger"));
        var sent = await (await session.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created);
        (await session.VoidAsync("the table left", Units(sent["ticket"]!["lines"]![0]!["lineId"].Text()))).EnsureSuccessStatusCode();

        var cancelled = await (await Api.Staff().PostAsync($"/orders/{session.OrderId}/cancel", null)).ReadOkJsonAsync();

        Assert.Equal("cancelled", cancelled["status"].Text());
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_not_found()
    {
        await (await Api.Staff().PostAsync("/orders/no-such-order/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }
}
