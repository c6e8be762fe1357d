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

    /// <summary>The bill as the tablet shows it for the open table.</summary>
    public ILocator Bill => Page.Locator("#table-body .order-bill");

    public async Task AddDiscountAsync(string kind, string size, string reason)
    {
        var body = Page.Locator("#table-body");
        await body.GetByLabel("Kind").SelectOptionAsync(kind);
        await body.GetByLabel("Size").FillAsync(size);
        await body.GetByLabel("Discount reason").FillAsync(reason);
        await body.GetByRole(AriaRole.Button, new() { Name = "Add discount" }).ClickAsync();
        await Expect(body.Locator("ul.discounts")).ToContainTextAsync(reason);
    }

    public async Task SetServiceChargeAsync(string percent)
    {
        var body = Page.Locator("#table-body");
        await body.GetByLabel("Service charge (%)").FillAsync(percent);
        await body.GetByRole(AriaRole.Button, new() { Name = "Set service charge" }).ClickAsync();
        await Expect(body).ToContainTextAsync($"This order's own rate: {percent}%");
    }

    public Task BillAsync() => Page.Locator("#table-body").GetByRole(AriaRole.Button, new() { Name = "Bill", Exact = true }).ClickAsync();

    /// <summary>Opens the free table's most recent paid order (for a refund or its receipt).</summary>
    public Task OpenLastPaidOrderAsync() =>
        Page.Locator("#table-body .paid-orders").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open the paid order") }).First.ClickAsync();

    /// <summary>Refunds part of the first tender the order took.</summary>
    public async Task RefundAsync(string amount, string reason)
    {
        var body = Page.Locator("#table-body");
        await body.GetByLabel("Amount to refund").FillAsync(amount);
        await body.GetByLabel("Refund reason").FillAsync(reason);
        await body.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
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
