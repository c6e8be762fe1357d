using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests.Support;

/// <summary>The waiter tablet, signed in with the staff key.</summary>
public sealed class Waiter(IPage page)
{
    public IPage Page { get; } = page;

    public static async Task<Waiter> SignInAsync(BrowserFixture browser)
    {
        var page = await browser.OpenAsync(BrowserFixture.Tablet);
        await page.GotoAsync("/staff");
        await page.GetByLabel("Staff key").FillAsync(ApiServer.StaffKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#floor li").First).ToBeVisibleAsync();
        return new Waiter(page);
    }

    public ILocator Table(string table) => Page.Locator($"#floor [data-table='{table}']");

    public async Task OpenTableAsync(string table)
    {
        await Table(table).ClickAsync();
        await Expect(Page.Locator("#table-heading")).ToHaveTextAsync($"Table {table}");
    }

    /// <summary>Voids a sent line (all its units) with a reason.</summary>
    public async Task VoidAsync(string line, string reason)
    {
        await Page.Locator("#table-body").GetByRole(AriaRole.Button, new() { Name = $"Void {line}" }).ClickAsync();
        var dialog = Page.Locator("#reason-dialog");
        await dialog.GetByLabel("Reason").FillAsync(reason);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }
}
