using System.Net;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Events;

/// <summary>The kitchen's moves (line status, void) and the money staff set (comp, discounts, service charge, refunds) as events.</summary>
public sealed class KitchenAndMoneyEventsTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    /// <summary>A table whose <paramref name="items"/> went to the kitchen on ticket 1; returns it and the lines' ids.</summary>
    private async Task<(TableSession Table, string[] Lines)> SentAsync(string prefix, params object[] items)
    {
        var table = await OpenAsync(Api, Tables.Unique(prefix));
        await (await table.AddAsync(items)).ReadOkJsonAsync();
        var ticket = (await (await table.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
        return (table, LineIds(ticket));
    }

    private Task<EventStream> OrderStreamAsync(TableSession table) => EventStream.OpenAsync(table.Client, $"/orders/{table.OrderId}/events");

    [Fact]
    public async Task A_line_status_change_arrives_on_the_order_and_kitchen_streams_with_the_moved_lines()
    {
        var (table, lines) = await SentAsync("ls", Item("soup"), Item("tea"));
        await using var kitchen = await EventStream.OpenAsync(Api.Staff(), "/kitchen/events");
        var sequence = (await KitchenTicketsAsync(Api)).Of(table, 1)["sequence"]!.GetValue<long>();

        await (await BumpAsync(Api, sequence, "ready", lines[0])).ReadOkJsonAsync();

        var onKitchen = await NextOfOrderAsync(kitchen, table, "line_status");
        await using var order = await OrderStreamAsync(table);
        var onOrder = await order.NextOfTypeAsync("line_status");
        Assert.Equal(onKitchen.Id, onOrder.Id);
        Assert.Equal(sequence, onKitchen.Data["sequence"]!.GetValue<long>());
        var line = Assert.Single(onKitchen.Data["lines"]!.AsArray())!;
        Assert.Equal((lines[0], "ready"), (line["lineId"].Text(), line["status"].Text()));
    }

    [Fact]
    public async Task A_kitchen_stream_of_one_station_gets_only_that_stations_lines()
    {
        await using var bar = await EventStream.OpenAsync(Api.Staff(), "/kitchen/events?station=bar");

        var (table, _) = await SentAsync("st", Item("soup"), Item("tea"));

        var ticket = await NextOfOrderAsync(bar, table, "ticket");
        var line = Assert.Single(ticket.Data["ticket"]!["lines"]!.AsArray())!;
        Assert.Equal(("tea", "bar"), (line["menuItemId"].Text(), line["station"].Text()));
    }

    [Fact]
    public async Task A_void_arrives_on_the_order_stream_and_its_void_ticket_on_the_kitchen_stream()
    {
        var (table, lines) = await SentAsync("void", Item("soup"));
        await using var kitchen = await EventStream.OpenAsync(Api.Staff(), "/kitchen/events");

        await (await table.VoidAsync("wrong table", Units(lines[0]))).ReadOkJsonAsync();

        // A stream without Last-Event-ID starts where this node's reader is, which may be just before the submit's ticket.
        var voidTicket = await NextOfOrderAsync(kitchen, table, "ticket");
        if (voidTicket.Data["ticket"]!["kind"].Text() == "order") voidTicket = await NextOfOrderAsync(kitchen, table, "ticket");
        Assert.Equal(("void", 2), (voidTicket.Data["ticket"]!["kind"].Text(), voidTicket.Data["ticket"]!["number"]!.GetValue<int>()));
        await using var order = await OrderStreamAsync(table);
        var voided = await order.NextOfTypeAsync("void");
        Assert.Equal(lines[0], Assert.Single(voided.Data["ticket"]!["lines"]!.AsArray())!["lineId"].Text());
    }

    [Fact]
    public async Task A_comp_arrives_with_the_comped_line()
    {
        var (table, lines) = await SentAsync("comp", Item("soup"));

        await (await table.CompAsync("birthday", lines[0])).ReadOkJsonAsync();

        await using var order = await OrderStreamAsync(table);
        var comp = await order.NextOfTypeAsync("comp");
        var line = Assert.Single(comp.Data["lines"]!.AsArray())!;
        Assert.Equal(("birthday", lines[0]), (line["comp"]!["reason"].Text(), line["lineId"].Text()));
    }

    [Fact]
    public async Task Adding_and_removing_a_discount_and_setting_the_service_charge_arrive_as_discount_events()
    {
        var (table, _) = await SentAsync("disc", Item("soup"));
        var discount = await (await table.DiscountAsync("percent", 10m)).ReadOkJsonAsync(HttpStatusCode.Created);
        Assert.True((await table.RemoveDiscountAsync(discount["discountId"].Text())).IsSuccessStatusCode);
        await (await table.ServiceChargeAsync(0.12m)).ReadOkJsonAsync();

        await using var order = await OrderStreamAsync(table);
        var events = new[] { await order.NextOfTypeAsync("discount"), await order.NextOfTypeAsync("discount"), await order.NextOfTypeAsync("discount") };

        Assert.Equal(["added", "removed", "service_charge"], events.Select(e => e.Data["action"].Text()));
        Assert.Equal(discount["discountId"].Text(), events[0].Data["discount"]!["discountId"].Text());
        Assert.Equal(discount["discountId"].Text(), events[1].Data["discountId"].Text());
        Assert.Empty(events[1].Data["discounts"]!.AsArray());
        Assert.Equal(0.12m, events[2].Data["serviceChargeRate"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_refund_arrives_with_its_outcome_and_the_orders_payment()
    {
        var table = await BilledAsync(Api, "refund", Item("burger"));
        var paid = await (await table.PayAsync(Api.Staff(), 12m, Card(12m))).ReadOkJsonAsync();
        var card = paid["results"]![0]!["tenderId"].Text();

        await (await table.RefundAsync(card, 4.50m)).ReadOkJsonAsync(HttpStatusCode.Created);

        await using var order = await OrderStreamAsync(table);
        var refunds = new[] { await order.NextOfTypeAsync("refund"), await order.NextOfTypeAsync("refund") };
        Assert.Equal(["pending", "succeeded"], refunds.Select(r => r.Data["refund"]!["status"].Text()));
        Assert.Equal(4.50m, refunds[1].Data["refund"]!["amount"]!.GetValue<decimal>());
    }

    /// <summary>Other test classes' events may pass by on the shared kitchen stream; they are stepped over.</summary>
    private static async Task<ReceivedEvent> NextOfOrderAsync(EventStream stream, TableSession table, string type)
    {
        while (true)
        {
            var next = await stream.NextAsync();
            if (next.Type == type && next.Data["orderId"].Text() == table.OrderId) return next;
        }
    }
}
