using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>The kitchen's stream carries every order's tickets as they commit, and nothing else.</summary>
public sealed class KitchenEventsTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task A_submit_arrives_on_the_kitchen_stream_as_the_ticket()
    {
        var table = Tables.Unique("kev");
        var session = await TableSession.OpenAsync(Api, table);
        await using var kitchen = await EventStream.OpenAsync(Api.Staff(), "/kitchen/events");
        await session.AddAsync(TableSession.Item("pancakes", 2));

        await session.SubmitAsync();

        var ticket = await NextTicketOf(kitchen, session.OrderId);
        Assert.Equal(table, ticket.Data["table"].Text());
        var line = Assert.Single(ticket.Data["ticket"]!["lines"]!.AsArray())!;
        Assert.Equal("pancakes", line["menuItemId"].Text());
        Assert.Equal(2, line["quantity"]!.GetValue<int>());
        var tickets = await (await Api.Staff().GetAsync($"/kitchen/tickets?after={ticket.Data["sequence"]!.GetValue<long>() - 1}")).ReadJsonArrayAsync();
        Assert.Equal(session.OrderId, tickets[0]!["orderId"].Text());
    }

    [Fact]
    public async Task The_kitchen_stream_carries_no_order_events()
    {
        await using var kitchen = await EventStream.OpenAsync(Api.Staff(), "/kitchen/events");
        var session = await TableSession.OpenAsync(Api, Tables.Unique("kev-q"));
        await session.AddAsync(TableSession.Item("tea"));
        await session.SubmitAsync();

        var ticket = await NextTicketOf(kitchen, session.OrderId);

        Assert.Equal("ticket", ticket.Type);
    }

    [Fact]
    public async Task The_kitchen_resumes_exactly_after_its_last_ticket()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("kev-r"));
        long seen;
        await using (var kitchen = await EventStream.OpenAsync(Api.Staff(), "/kitchen/events"))
        {
            await session.AddAsync(TableSession.Item("tea"));
            await session.SubmitAsync();
            seen = (await NextTicketOf(kitchen, session.OrderId)).Id;
        }
        await session.AddAsync(TableSession.Item("coffee"));
        await session.SubmitAsync();

        await using var resumed = await EventStream.OpenAsync(Api.Staff(), "/kitchen/events", lastEventId: seen);
        var next = await NextTicketOf(resumed, session.OrderId);

        Assert.Equal(2, next.Data["ticket"]!["number"]!.GetValue<int>());
    }

    /// <summary>Other test classes' tickets may pass by on the shared kitchen stream; they are stepped over.</summary>
    private static async Task<ReceivedEvent> NextTicketOf(EventStream kitchen, string orderId)
    {
        while (true)
        {
            var next = await kitchen.NextAsync();
            Assert.Equal("ticket", next.Type);
            if (next.Data["orderId"].Text() == orderId) return next;
        }
    }
}
