using System.Net;
using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>Each change of an order arrives on the order's stream with what a screen needs to show it.</summary>
public sealed class OrderEventsTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task A_new_stream_starts_with_the_order_being_opened()
    {
        var table = Tables.Unique("ev-open");
        var session = await TableSession.OpenAsync(Api, table, guests: 3);
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");

        var opened = await stream.NextAsync();

        Assert.Equal("order_opened", opened.Type);
        Assert.Equal("order_opened", opened.Data["type"].Text());
        Assert.Equal(session.OrderId, opened.Data["orderId"].Text());
        Assert.Equal(table, opened.Data["table"].Text());
        Assert.Equal(3, opened.Data["guests"]!.GetValue<int>());
        Assert.Equal("open", opened.Data["status"].Text());
        Assert.Equal(1, opened.Data["version"]!.GetValue<long>());
        Assert.True(DateTime.TryParse(opened.Data["at"].Text(), out _));
    }

    [Fact]
    public async Task A_diner_who_joins_arrives_as_diner_joined()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ev-join"));
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("order_opened");

        await session.JoinAsync("Bea");

        var joined = await stream.NextAsync();
        Assert.Equal("diner_joined", joined.Type);
        Assert.Equal("Bea", joined.Data["diner"].Text());
        Assert.Equal(2, joined.Data["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Added_and_removed_lines_arrive_as_items_changed()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ev-item"));
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("order_opened");
        var first = await (await session.AddAsync(TableSession.Item("tea"))).ReadOkJsonAsync();
        var teaLine = first["pending"]![0]!["lineId"].Text();

        await session.ChangeAsync(new { add = new[] { TableSession.Item("pancakes", 2, "Ann", "no syrup") }, remove = new[] { teaLine } });

        var added = await stream.NextAsync();
        Assert.Equal("items_changed", added.Type);
        Assert.Equal(teaLine, added.Data["added"]![0]!["lineId"].Text());
        var changed = await stream.NextAsync();
        Assert.Equal("items_changed", changed.Type);
        var line = changed.Data["added"]![0]!.AsObject();
        Assert.Equal("pancakes", line["menuItemId"].Text());
        Assert.Equal(2, line["quantity"]!.GetValue<int>());
        Assert.Equal(8.50m, line["unitPrice"].Money());
        Assert.Equal("Ann", line["diner"].Text());
        Assert.Equal([teaLine], changed.Data["removed"]!.AsArray().Select(r => r.Text()));
    }

    [Fact]
    public async Task A_submit_arrives_as_the_ticket_with_its_lines()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ev-tick"));
        await session.AddAsync(TableSession.Item("tea", 2));
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("items_changed");

        var submitted = await (await session.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created);

        var ticket = await stream.NextAsync();
        Assert.Equal("ticket", ticket.Type);
        Assert.Equal(1, ticket.Data["ticket"]!["number"]!.GetValue<int>());
        Assert.Equal(submitted["ticket"]!["lines"]!.ToJsonString(), ticket.Data["ticket"]!["lines"]!.ToJsonString());
        Assert.True(ticket.Data["sequence"]!.GetValue<long>() >= 1);
    }

    [Fact]
    public async Task A_bill_arrives_with_its_total_and_balance_and_the_billed_status()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ev-bill"));
        await session.AddAsync(TableSession.Item("tea", 2));
        await session.SubmitAsync();
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("ticket");

        await session.BillAsync();

        var bill = await stream.NextAsync();
        Assert.Equal("bill", bill.Type);
        Assert.Equal(5.00m, bill.Data["total"].Money());
        Assert.Equal(5.00m, bill.Data["balance"].Money());
        var status = await stream.NextAsync();
        Assert.Equal("order_status", status.Type);
        Assert.Equal("billed", status.Data["status"].Text());
    }

    [Fact]
    public async Task A_payment_arrives_with_its_results_and_a_paid_order_with_its_status()
    {
        var session = await TableSession.BilledAsync(Api, "ev-pay", TableSession.Item("tea", 2));
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("order_status");

        await session.PayAsync(Api.Staff(), 5.00m, TableSession.Cash(5.00m));

        var payment = await stream.NextAsync();
        Assert.Equal("payment", payment.Type);
        var result = Assert.Single(payment.Data["results"]!.AsArray())!;
        Assert.Equal("cash", result["paymentMethod"].Text());
        Assert.Equal("succeeded", result["status"].Text());
        Assert.Equal(0m, payment.Data["balance"].Money());
        var paid = await stream.NextAsync();
        Assert.Equal("order_status", paid.Type);
        Assert.Equal("paid", paid.Data["status"].Text());
        Assert.Equal("paid", paid.Data["paymentStatus"].Text());
    }

    [Fact]
    public async Task A_card_payment_arrives_once_written_and_again_when_the_gateway_answers()
    {
        var session = await TableSession.BilledAsync(Api, "ev-card", TableSession.Item("tea", 2));
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("order_status");

        await session.PayAsync(5.00m, TableSession.Card(5.00m));

        var written = await stream.NextAsync();
        Assert.Equal("pending", written.Data["results"]![0]!["status"].Text());
        var answered = await stream.NextAsync();
        Assert.Equal("payment", answered.Type);
        Assert.Equal("succeeded", answered.Data["results"]![0]!["status"].Text());
        Assert.Equal("paid", (await stream.NextAsync()).Data["status"].Text());
    }

    [Fact]
    public async Task A_cancelled_order_arrives_as_its_status()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ev-canc"));
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("order_opened");

        await Api.Staff().PostAsync($"/orders/{session.OrderId}/cancel", null);

        var status = await stream.NextAsync();
        Assert.Equal("order_status", status.Type);
        Assert.Equal("cancelled", status.Data["status"].Text());
    }

    [Fact]
    public async Task Event_ids_only_grow_and_versions_follow_the_order()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ev-ids"));
        await session.AddAsync(TableSession.Item("tea"));
        await session.AddAsync(TableSession.Item("coffee"));
        await session.SubmitAsync();
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");

        var events = await stream.TakeAsync(4);

        Assert.Equal(events.Select(e => e.Id).Order(), events.Select(e => e.Id));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Data["version"]!.GetValue<long>()));
        Assert.Equal((await session.GetAsync())["version"]!.GetValue<long>(), events[^1].Data["version"]!.GetValue<long>());
    }
}
