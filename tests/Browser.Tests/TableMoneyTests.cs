using Microsoft.Playwright;
using Restaurant.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests;

/// <summary>The money side of a table on the waiter tablet: discounts, the service charge, refunds and the receipt.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TableMoneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_discount_and_a_service_charge_change_the_bill_the_waiter_and_the_phone_see()
    {
        var fay = await Diner.JoinAsync(Browser, "1", "Fay");
        await fay.AddAsync("Soup of the Day");
        await fay.AddAsync("Omelet");
        await fay.SubmitAsync();
        var waiter = await Waiter.SignInAsync(Browser);
        await waiter.OpenTableAsync("1");
        await Expect(waiter.Page.Locator("#table-body")).ToContainTextAsync("Ticket 1");

        await waiter.AddDiscountAsync("percent", "10", "Birthday");
        await waiter.SetServiceChargeAsync("10");
        await waiter.BillAsync();

        // 15.00, less 10% (1.50), plus 10% of the 13.50 left (1.35): 14.85.
        foreach (var bill in new[] { waiter.Bill, fay.Page.Locator("#bill") })
        {
            await Expect(bill.Locator("tr.discount")).ToContainTextAsync("Discount: Birthday");
            await Expect(bill.Locator("tr.discount")).ToContainTextAsync("$1.50");
            await Expect(bill.Locator("tr.service")).ToContainTextAsync("$1.35");
            await Expect(bill.Locator("tr.grand")).ToContainTextAsync("$14.85");
        }
    }

    [Fact]
    public async Task A_partial_refund_of_a_card_appears_with_its_status()
    {
        var gus = await Diner.JoinAsync(Browser, "2", "Gus");
        await gus.AddAsync("Pancakes");
        await gus.SubmitAsync();
        await Expect(gus.Page.GetByRole(AriaRole.Button, new() { Name = "Ask for the bill" })).ToBeEnabledAsync();
        await gus.AskForTheBillAsync();
        await gus.PayAsync("rest", "pm_card_visa");
        await Expect(gus.Page.Locator("#bill")).ToContainTextAsync("Paid in full");
        var waiter = await Waiter.SignInAsync(Browser);
        await waiter.OpenTableAsync("2");
        await waiter.OpenLastPaidOrderAsync();

        await waiter.RefundAsync("3.00", "Cold pancakes");

        var refund = waiter.Page.Locator("#table-body li.refund");
        await Expect(refund).ToContainTextAsync("$3.00 back on Card $8.50");
        await Expect(refund).ToContainTextAsync("Cold pancakes");
        await Expect(refund).ToHaveAttributeAsync("data-status", "succeeded");
    }

    [Fact]
    public async Task The_receipt_shows_the_tables_lines()
    {
        var ida = await Diner.JoinAsync(Browser, "3", "Ida");
        await ida.AddAsync("Soup of the Day");
        await ida.AddAsync("Tea");
        await ida.SubmitAsync();
        var waiter = await Waiter.SignInAsync(Browser);
        await waiter.OpenTableAsync("3");
        await Expect(waiter.Page.Locator("#table-body")).ToContainTextAsync("Ticket 1");

        await waiter.Page.Locator("#table-body").GetByRole(AriaRole.Button, new() { Name = "Receipt" }).ClickAsync();

        var receipt = waiter.Page.Locator("#receipt-dialog pre");
        await Expect(receipt).ToContainTextAsync("Table 3");
        await Expect(receipt).ToContainTextAsync("1 x Soup of the Day");
        await Expect(receipt).ToContainTextAsync("1 x Tea");
    }
}
