using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Features.Events;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>
/// After a quiet spell with no stream open (the node's reader stops reading: IdleReaderTests), the first stream that
/// opens gets exactly the events after it opened.
/// </summary>
public sealed class WakingReaderTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task The_first_kitchen_stream_after_a_quiet_spell_gets_exactly_the_tickets_after_it_opened()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("wake"));
        await session.AddAsync(TableSession.Item("tea"));
        await session.SubmitAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await using var stream = await EventStream.OpenAsync(Api.Staff(), "/kitchen/events");
        var readsBefore = Api.Services.GetRequiredService<EventHub>().Reads;
        await session.AddAsync(TableSession.Item("coffee"));
        await session.SubmitAsync();

        var next = await stream.NextAsync();
        // The reader reads again now that a stream is open (IdleReaderTests counts the same reads staying still).
        Assert.True(Api.Services.GetRequiredService<EventHub>().Reads > readsBefore);
        Assert.Equal(("ticket", session.OrderId, 2), (next.Type, next.Data["orderId"]!.GetValue<string>(), next.Data["ticket"]!["number"]!.GetValue<int>()));
        Assert.True(await stream.StaysQuietAsync(TimeSpan.FromSeconds(1.5)));
    }
}
