using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests.Support;

/// <summary>The kitchen display of one station, signed in with the staff key.</summary>
public sealed class KitchenScreen(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>Opens the station's display, on the API's address or on <paramref name="address"/> (a relay in front of it).</summary>
    public static async Task<KitchenScreen> OpenAsync(BrowserFixture browser, string station, Uri? address = null)
    {
        var page = await browser.OpenAsync(BrowserFixture.Tablet, address);
        await page.GotoAsync($"/kitchen?station={station}");
        await page.GetByLabel("Staff key").FillAsync(ApiServer.StaffKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#app")).ToBeVisibleAsync();
        return new KitchenScreen(page);
    }

    /// <summary>The active order tickets of a table.</summary>
    public ILocator Tickets(string table) => Page.Locator("#tickets li.ticket[data-kind='order']", new() { HasText = $"Table {table} ·" });

    public ILocator Cancellations(string table) => Page.Locator("#tickets li.ticket[data-kind='void']", new() { HasText = $"table {table}" });

    /// <summary>Moves a line on by its bump button ("Start", "Ready", "Served").</summary>
    public Task BumpAsync(string table, string line, string to) =>
        Tickets(table).GetByRole(AriaRole.Button, new() { Name = $"{to}: {line}" }).ClickAsync();
}
