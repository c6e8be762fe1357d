using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Features.Events;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>
/// A node with no open stream does not read the event log: a busy restaurant's writes would otherwise cost every node
/// a read per commit for nobody. (A fixture of its own: no stream of another test is open on its server.)
/// </summary>
public sealed class IdleReaderTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task A_node_without_open_streams_reads_nothing_however_many_changes_commit()
    {
        var hub = Api.Services.GetRequiredService<EventHub>();
        var session = await TableSession.OpenAsync(Api, Tables.Unique("idle"));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var before = hub.Reads;

        for (var i = 0; i < 5; i++) await session.AddAsync(TableSession.Item("tea"));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(before, hub.Reads);
    }
}
