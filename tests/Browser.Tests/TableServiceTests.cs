using Microsoft.Playwright;
using Restaurant.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests;

/// <summary>
/// A table's service in a real browser: phones at the table, the kitchen display and the waiter tablet, each a
/// browser context of its own against one real server. Each test works at a table of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TableServiceTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Two_phones_at_table_12_see_each_others_dishes_and_the_kitchens_ready_without_reloading()
    {
        var ann = await Diner.JoinAsync(Browser, "12", "Ann");
        var bea = await Diner.JoinAsync(Browser, "12", "Bea");

        await ann.AddAsync("Burger", "Medium", "Cheese");
        await bea.AddAsync("Coffee", "Oat milk");
        await Expect(bea.Line("1× Burger (Medium, Cheese) · Ann")).ToBeVisibleAsync();
        await Expect(ann.Line("1× Coffee (Oat milk) · Bea")).ToBeVisibleAsync();

        await ann.SubmitAsync();
        var kitchen = await KitchenScreen.OpenAsync(Browser, "kitchen");
        await Expect(kitchen.Tickets("12")).ToContainTextAsync("1× Burger (Medium, Cheese)");
        await Expect(kitchen.Tickets("12")).Not.ToContainTextAsync("Coffee"); // the bar's
        await Screenshots.KeepAsync(kitchen.Page, "kitchen");
        await kitchen.BumpAsync("12", "1× Burger (Medium, Cheese)", "Start");
        await kitchen.BumpAsync("12", "1× Burger (Medium, Cheese)", "Ready");

        await Expect(ann.Line("Burger")).ToContainTextAsync("Ready");
        await Expect(bea.Line("Burger")).ToContainTextAsync("Ready");
        await Screenshots.KeepAsync(bea.Page, "table");
    }

    [Fact]
    public async Task A_dish_the_waiter_voids_with_a_reason_shows_as_a_cancellation_in_the_kitchen()
    {
        var cal = await Diner.JoinAsync(Browser, "7", "Cal");
        await cal.AddAsync("Omelet");
        await cal.AddAsync("Soup of the Day");
        await cal.SubmitAsync();
        var kitchen = await KitchenScreen.OpenAsync(Browser, "kitchen");
        await Expect(kitchen.Tickets("7")).ToContainTextAsync("1× Omelet");

        var waiter = await Waiter.SignInAsync(Browser);
        await waiter.OpenTableAsync("7");
        await waiter.VoidAsync("1× Omelet", "Guest changed their mind");
        await Screenshots.KeepAsync(waiter.Page, "staff");

        await Expect(kitchen.Cancellations("7")).ToContainTextAsync("1× Omelet");
        await Expect(kitchen.Cancellations("7")).ToContainTextAsync("Reason: Guest changed their mind");
        await Expect(kitchen.Tickets("7").Locator("li.line", new() { HasText = "Omelet" })).ToContainTextAsync("Cancelled");
    }

    [Fact]
    public async Task The_phones_pay_their_shares_after_a_declined_card_and_the_floor_shows_the_table_free()
    {
        var dan = await Diner.JoinAsync(Browser, "5", "Dan");
        var eve = await Diner.JoinAsync(Browser, "5", "Eve");
        await dan.AddAsync("Burger", "Rare");
        await dan.AddAsync("Fries");
        await dan.AddAsync("Soda");
        await eve.AddAsync("Chocolate Cake");
        await eve.AddAsync("Tea");
        await Expect(dan.Line("Tea · Eve")).ToBeVisibleAsync();
        await dan.SubmitAsync();
        await Expect(eve.Page.GetByRole(AriaRole.Button, new() { Name = "Ask for the bill" })).ToBeEnabledAsync();
        await eve.AskForTheBillAsync();

        var bill = dan.Page.Locator("#bill");
        await Expect(bill.Locator("tr.bundle", new() { HasText = "Burger Meal (bundle)" })).ToContainTextAsync("−$2.50");
        await Expect(bill.Locator("tr.bundle", new() { HasText = "Sweet Break (bundle)" })).ToContainTextAsync("−$1.00");
        await Expect(bill.Locator("tr.grand")).ToContainTextAsync("$24.00");
        await Expect(bill.Locator("tr[data-diner='Dan']")).ToContainTextAsync("$16.00");
        await Expect(bill.Locator("tr[data-diner='Eve']")).ToContainTextAsync("$8.00");
        await Screenshots.KeepAsync(eve.Page, "bill");

        await eve.PayAsync("share", "pm_card_chargeDeclined");
        await Expect(eve.Message).ToContainTextAsync("Declined");
        await eve.PayAsync("share", "pm_card_visa");
        await Expect(eve.Message).ToContainTextAsync("Paid $8.00");
        await Expect(dan.Page.Locator("#bill tr[data-diner='Eve']")).ToContainTextAsync("Paid");
        await dan.PayAsync("rest", "pm_card_mastercard");
        await Expect(dan.Page.Locator("#bill")).ToContainTextAsync("Paid in full");
        await Expect(eve.Page.Locator("#bill")).ToContainTextAsync("Paid in full");

        var waiter = await Waiter.SignInAsync(Browser);
        await Expect(waiter.Table("5")).ToContainTextAsync("Free");
    }
}
