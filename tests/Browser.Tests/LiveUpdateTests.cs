using Restaurant.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests;

/// <summary>
/// How the pages keep current: by the server's event streams, and by reading
/// on an interval only when a stream cannot be opened. The live badge's data-via says which (js/live.js).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveUpdateTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_phone_and_the_kitchen_display_follow_the_servers_event_streams()
    {
        var jon = await Diner.JoinAsync(Browser, "8", "Jon");
        var kitchen = await KitchenScreen.OpenAsync(Browser, "kitchen");

        await Expect(jon.Page.Locator("#live")).ToHaveAttributeAsync("data-via", "stream");
        await Expect(kitchen.Page.Locator("#live")).ToHaveAttributeAsync("data-via", "stream");
    }

    [Fact]
    public async Task Without_event_streams_two_phones_still_see_each_others_dishes_by_reading_on_an_interval()
    {
        var lea = await Diner.JoinAsync(Browser, "10", "Lea", withoutEventStreams: true);
        var max = await Diner.JoinAsync(Browser, "10", "Max", withoutEventStreams: true);
        await Expect(lea.Page.Locator("#live")).ToHaveAttributeAsync("data-via", "polling");

        await lea.AddAsync("Burger", "Medium");
        await max.AddAsync("Coffee");

        await Expect(max.Line("1× Burger (Medium) · Lea")).ToBeVisibleAsync();
        await Expect(lea.Line("1× Coffee · Max")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_phone_shows_each_dish_once_after_its_cut_event_stream_resumes_with_Last_Event_ID()
    {
        await Browser.Api.AddTableAsync("13");
        await using var relay = LoopbackRelay.To(Browser.Api.Address);
        var kim = await Diner.JoinAsync(Browser, "13", "Kim", address: relay.Address);
        var streams = StreamRequests.Watch(kim.Page, "/events");
        var lou = await Diner.JoinAsync(Browser, "13", "Lou");
        await kim.AddAsync("Tea");
        await Expect(lou.Line("1× Tea · Kim")).ToBeVisibleAsync();
        await Expect(kim.Page.Locator("#live")).ToHaveAttributeAsync("data-via", "stream");

        relay.Cut();
        await Expect(kim.Page.Locator("#live")).ToHaveTextAsync("Reconnecting…");
        await lou.AddAsync("Coffee");
        await lou.AddAsync("Fries");
        var changes = await Browser.Api.EventIdsAsync("13", "items_changed", 3);
        relay.Restore();

        await Expect(kim.Page.Locator("#live")).ToHaveAttributeAsync("data-via", "stream");
        await Expect(kim.Line("1× Fries · Lou")).ToHaveCountAsync(1);
        await Expect(kim.Line("1× Coffee · Lou")).ToHaveCountAsync(1);
        await Expect(kim.Line("1× Tea · Kim")).ToHaveCountAsync(1);
        // It resumed from an event before the dishes added while it was cut (the phone shows its own tea without waiting for its event).
        Assert.InRange(streams.FirstLastEventId(), 1, changes[1] - 1);
    }
}
