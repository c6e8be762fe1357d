using Microsoft.Playwright;
using Restaurant.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class KitchenDisplayTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_kitchen_display_loses_and_repeats_no_ticket_across_a_lost_connection_and_a_reload()
    {
        var hal = await Diner.JoinAsync(Browser, "9", "Hal");
        await hal.AddAsync("Soup of the Day");
        await hal.SubmitAsync();
        var kitchen = await KitchenScreen.OpenAsync(Browser, "kitchen");
        await Expect(kitchen.Tickets("9")).ToHaveCountAsync(1);

        await kitchen.Page.Context.SetOfflineAsync(true);
        await hal.AddAsync("Pancakes");
        await hal.SubmitAsync();
        await Expect(kitchen.Page.Locator("#live")).ToHaveTextAsync("Reconnecting…");
        await kitchen.Page.Context.SetOfflineAsync(false);

        await Expect(kitchen.Tickets("9")).ToHaveCountAsync(2);
        await Expect(kitchen.Tickets("9").Nth(1)).ToContainTextAsync("1× Pancakes");
        await kitchen.Page.ReloadAsync();
        await Expect(kitchen.Tickets("9")).ToHaveCountAsync(2);
        await Expect(kitchen.Tickets("9").Nth(0)).ToContainTextAsync("1× Soup of the Day");
    }

    [Fact]
    public async Task The_kitchen_display_shows_each_ticket_once_after_its_cut_event_stream_resumes_with_Last_Event_ID()
    {
        await using var relay = LoopbackRelay.To(Browser.Api.Address);
        var kitchen = await KitchenScreen.OpenAsync(Browser, "kitchen", relay.Address);
        var streams = StreamRequests.Watch(kitchen.Page, "/kitchen/events");
        // Once the stream is open, the display reads only when an event comes: the first ticket shows by its event.
        await Expect(kitchen.Page.Locator("#live")).ToHaveAttributeAsync("data-via", "stream");
        var ivy = await Diner.JoinAsync(Browser, "11", "Ivy");
        await ivy.AddAsync("Soup of the Day");
        await ivy.SubmitAsync();
        await Expect(kitchen.Tickets("11")).ToHaveCountAsync(1);

        relay.Cut();
        await Expect(kitchen.Page.Locator("#live")).ToHaveTextAsync("Reconnecting…");
        await ivy.AddAsync("Pancakes");
        await ivy.SubmitAsync();
        await ivy.AddAsync("Omelet");
        await ivy.SubmitAsync();
        var tickets = await Browser.Api.EventIdsAsync("11", "ticket", 3);
        relay.Restore();

        await Expect(kitchen.Page.Locator("#live")).ToHaveAttributeAsync("data-via", "stream");
        await Expect(kitchen.Tickets("11")).ToHaveCountAsync(3);
        await Expect(kitchen.Tickets("11").Nth(0)).ToContainTextAsync("1× Soup of the Day");
        await Expect(kitchen.Tickets("11").Nth(1)).ToContainTextAsync("1× Pancakes");
        await Expect(kitchen.Tickets("11").Nth(2)).ToContainTextAsync("1× Omelet");
        // It resumed after the first ticket's event: the two others came on the resumed stream, not from a fresh start.
        Assert.InRange(streams.FirstLastEventId(), tickets[0], tickets[1] - 1);
    }
}
