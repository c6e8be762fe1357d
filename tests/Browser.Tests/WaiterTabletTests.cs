using System.Net;
using Microsoft.Playwright;
using Restaurant.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class WaiterTabletTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_waiter_tablet_draws_a_tables_QR_code_to_print()
    {
        var waiter = await Waiter.SignInAsync(Browser);
        await waiter.OpenTableAsync("11");

        await waiter.Page.GetByRole(AriaRole.Button, new() { Name = "Show QR code" }).ClickAsync();

        var image = waiter.Page.GetByRole(AriaRole.Img, new() { Name = "QR code of table 11" });
        await Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<int>("image => image.naturalWidth") > 0);
    }

    [Fact]
    public async Task A_tables_QR_code_is_drawn_only_for_staff_since_it_carries_the_code()
    {
        using var anonymous = new HttpClient { BaseAddress = Browser.Api.Address };

        using var refused = await anonymous.GetAsync("/staff/tables/11/qr.svg");
        using var drawn = await Browser.Api.Staff.GetAsync("/staff/tables/11/qr.svg");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("image/svg+xml", drawn.Content.Headers.ContentType?.MediaType);
    }
}
