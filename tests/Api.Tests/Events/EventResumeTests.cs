using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>A client that lost its stream resumes with exactly the events it missed: no gap, no repeat.</summary>
public sealed class EventResumeTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task Resuming_with_Last_Event_ID_gives_exactly_the_missed_events()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("resume"));
        long seen;
        await using (var first = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events"))
            seen = (await first.NextAsync()).Id;

        await session.AddAsync(TableSession.Item("tea"));
        await session.AddAsync(TableSession.Item("coffee"));
        await session.SubmitAsync();

        await using var resumed = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events", lastEventId: seen);
        var missed = await resumed.TakeAsync(3);
        Assert.Equal(["items_changed", "items_changed", "ticket"], missed.Select(e => e.Type));
        Assert.All(missed, e => Assert.True(e.Id > seen));
        Assert.True(await resumed.StaysQuietAsync(Quiet));
    }

    [Fact]
    public async Task Resuming_with_after_gives_exactly_the_events_after_it()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("after"));
        await session.AddAsync(TableSession.Item("tea"));
        await session.AddAsync(TableSession.Item("coffee"));
        await using var all = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        var history = await all.TakeAsync(3);

        await using var resumed = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events?after={history[1].Id}");

        Assert.Equal(history[2], await resumed.NextAsync() with { }, new SameEvent());
        Assert.True(await resumed.StaysQuietAsync(Quiet));
    }

    [Fact]
    public async Task A_stream_gets_the_changes_made_after_it_opened_once_each()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("live"));
        await using var stream = await EventStream.OpenAsync(session.Client, $"/orders/{session.OrderId}/events");
        await stream.NextOfTypeAsync("order_opened");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => session.AddAsync(TableSession.Item("tea"))));

        var events = await stream.TakeAsync(8);
        Assert.All(events, e => Assert.Equal("items_changed", e.Type));
        Assert.Equal(Enumerable.Range(2, 8).Select(v => (long)v), events.Select(e => e.Data["version"]!.GetValue<long>()));
        Assert.True(await stream.StaysQuietAsync(Quiet));
    }

    private sealed class SameEvent : IEqualityComparer<ReceivedEvent>
    {
        public bool Equals(ReceivedEvent? x, ReceivedEvent? y) =>
            x!.Id == y!.Id && x.Type == y.Type && x.Data.ToJsonString() == y.Data.ToJsonString();

        public int GetHashCode(ReceivedEvent obj) => obj.Id.GetHashCode();
    }
}
