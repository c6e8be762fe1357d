using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>A stream on one node gets the changes committed through another node (PostgreSQL: NOTIFY; SQLite: polling).</summary>
public sealed class EventsOnTwoNodesTests(TwoNodeFixture nodes) : IClassFixture<TwoNodeFixture>
{
    [Fact]
    public async Task A_stream_on_one_node_gets_every_change_made_on_the_other_once_in_order()
    {
        var session = await TableSession.OpenAsync(nodes.A, Tables.Unique("ev2node"));
        await using var stream = await EventStream.OpenAsync(nodes.B.WithToken(session.Token), $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("order_opened");

        for (var i = 0; i < 5; i++) await session.AddAsync(TableSession.Item("tea"));
        await session.SubmitAsync();

        var events = await stream.TakeAsync(6);
        Assert.Equal([2L, 3, 4, 5, 6, 7], events.Select(e => e.Data["version"]!.GetValue<long>()));
        Assert.Equal("ticket", events[^1].Type);
        Assert.True(await stream.StaysQuietAsync(TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public async Task The_kitchen_stream_on_one_node_gets_tickets_submitted_on_the_other()
    {
        var session = await TableSession.OpenAsync(nodes.A, Tables.Unique("ev2kit"));
        await using var kitchen = await EventStream.OpenAsync(nodes.B.Staff(), "/kitchen/events");
        await session.AddAsync(TableSession.Item("tea"));

        await session.SubmitAsync();

        var ticket = await kitchen.NextAsync();
        Assert.Equal(session.OrderId, ticket.Data["orderId"].Text());
    }
}
