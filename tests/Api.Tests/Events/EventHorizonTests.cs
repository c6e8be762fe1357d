using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>
/// Streams hold back events for transactions of their database that may still write events of their own (they would
/// be numbered below what was handed out), and only for those. A transaction open somewhere else on the server
/// (PostgreSQL: in another database of the cluster, whose oldest id the server's own snapshot horizon counts; SQLite: a
/// long reader of the same file) must not delay them.
/// </summary>
public sealed class EventHorizonTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task A_transaction_held_open_elsewhere_does_not_hold_the_orders_stream_back()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("horizon"));
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("order_opened");
        await using var held = await Api.Database.HoldTransactionElsewhereAsync();

        await session.AddAsync(TableSession.Item("tea"));

        Assert.Equal("items_changed", (await stream.NextAsync(TimeSpan.FromSeconds(5))).Type);
    }

    [Fact]
    public async Task A_write_of_the_same_database_still_in_flight_holds_the_orders_stream_back_until_it_ends()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("behind"));
        var path = $"/orders/{session.OrderId}/events";
        await using var stream = await EventStream.OpenAsync(session.Client, path);
        var opened = await stream.NextOfTypeAsync("order_opened");
        Task<HttpResponseMessage> adding;

        await using (await Api.Database.BeginWriteAsync())
        {
            // PostgreSQL: the addition commits, numbered after the write in flight; SQLite: it waits for the write lock.
            adding = session.AddAsync(TableSession.Item("tea"));
            Assert.True(await stream.StaysQuietAsync(TimeSpan.FromSeconds(1)), "an event was handed out ahead of a write still in flight");
        }
        await (await adding).ReadOkJsonAsync();

        await using var resumed = await EventStream.OpenAsync(session.Client, path, opened.Id);
        Assert.Equal("items_changed", (await resumed.NextAsync(TimeSpan.FromSeconds(5))).Type);
    }
}
