using Restaurant.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class KitchenDisplayTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_kitchen_display_loses_and_repeats_no_ticket_across_a_lost_connection_and_a_reload()
    {
        var hal = await Diner.JoinAsync(browser, "9", "Hal");
        await hal.AddAsync("Soup of the Day");
        await hal.SubmitAsync();
        var kitchen = await KitchenScreen.OpenAsync(browser, "kitchen");
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
}
