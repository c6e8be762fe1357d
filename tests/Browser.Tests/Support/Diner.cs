using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests.Support;

/// <summary>A diner's phone on the table app, driven the way a person would: by labels, buttons and what is shown.</summary>
public sealed class Diner(IPage page, string name)
{
    public IPage Page { get; } = page;

    public string Name { get; } = name;

    public ILocator Message => Page.Locator("#message");

    /// <summary>
    /// Opens the table's QR address and joins its order with the diner's name; <paramref name="withoutEventStreams"/>
    /// makes this phone's server answer 404 to the event streams, as one without them would; <paramref name="address"/>
    /// reaches the API through a relay in front of it.
    /// </summary>
    public static async Task<Diner> JoinAsync(BrowserFixture browser, string table, string name, bool withoutEventStreams = false,
        Uri? address = null)
    {
        var page = await browser.OpenAsync(BrowserFixture.Phone, address);
        if (withoutEventStreams)
            await page.Context.RouteAsync(new Regex(@"/events(\?|$)"), route => route.FulfillAsync(new() { Status = 404 }));
        await page.GotoAsync(new Uri(address ?? browser.Api.Address, new Uri(await browser.Api.TableAddressAsync(table)).PathAndQuery).ToString());
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(page.Locator("#app")).ToBeVisibleAsync();
        return new Diner(page, name);
    }

    /// <summary>Adds a dish, ticking the options named (by their labels' start, e.g. "Medium", "Cheese").</summary>
    public async Task AddAsync(string dish, params string[] options)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Add {dish}", Exact = true }).ClickAsync();
        var dialog = Page.Locator("#add-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        foreach (var option in options)
            await dialog.GetByLabel(new Regex($"^{Regex.Escape(option)}\\b")).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add to order" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    /// <summary>A line of the table's order, as this phone shows it.</summary>
    public ILocator Line(string text) => Page.Locator("#order li.line", new() { HasText = text });

    public Task SubmitAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Send to the kitchen" }).ClickAsync();

    public Task AskForTheBillAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Ask for the bill" }).ClickAsync();

    /// <summary>Pays with a test card: "share" (the diner's own share) or "rest" (everything left).</summary>
    public async Task PayAsync(string what, string cardToken)
    {
        var bill = Page.Locator("#bill");
        var choice = bill.Locator($"#pay-{what}");
        if (await choice.CountAsync() > 0) await choice.CheckAsync();
        await bill.GetByLabel("Test card").SelectOptionAsync(cardToken);
        await bill.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
    }
}
