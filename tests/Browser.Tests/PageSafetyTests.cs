using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Restaurant.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Restaurant.Browser.Tests;

/// <summary>What keeps the pages safe: their headers, where secrets live, and text that is never markup.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PageSafetyTests(BrowserFixture browser) : BrowserTest(browser)
{
    public static TheoryData<string> Pages => ["/t/12", "/staff", "/kitchen?station=bar", "/app/js/table.js", "/app/app.css"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_is_served_with_a_strict_content_security_policy_no_sniffing_and_no_referrer(string path)
    {
        using var response = await Browser.Api.Staff.GetAsync(path);

        response.EnsureSuccessStatusCode();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src 'self';", policy);
        Assert.DoesNotContain("unsafe", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("table.html")]
    [InlineData("staff.html")]
    [InlineData("kitchen.html")]
    public void A_page_has_no_inline_script_or_style_and_nothing_from_another_origin(string page)
    {
        var html = File.ReadAllText(Path.Combine(Repository.Root, "src", "Api", "wwwroot", "app", page));

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(@"<style|\sstyle=|\son[a-z]+=", html);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
    }

    [Fact]
    public async Task The_table_code_leaves_the_address_bar_and_the_diners_token_is_never_in_an_address()
    {
        var addresses = new List<string>();
        var page = await Browser.OpenAsync(BrowserFixture.Phone);
        page.Request += (_, request) => addresses.Add(request.Url);
        var code = await Browser.Api.TableCodeAsync("3");

        await page.GotoAsync(await Browser.Api.TableAddressAsync("3"));
        await page.GetByLabel("Your name").FillAsync("Fay");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(page.Locator("#app")).ToBeVisibleAsync();

        var token = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('restaurant.table.3.session')).token");
        Assert.Equal(new Uri(Browser.Api.Address, "/t/3").ToString(), page.Url);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Single(addresses, a => a.Contains(code)); // the QR address itself, and nothing after it
        Assert.DoesNotContain(addresses, a => a.Contains(token));
    }

    [Fact]
    public async Task A_required_option_group_is_enforced_before_the_dish_is_sent()
    {
        var gil = await Diner.JoinAsync(Browser, "4", "Gil");

        await gil.Page.GetByRole(AriaRole.Button, new() { Name = "Add Burger", Exact = true }).ClickAsync();
        var dialog = gil.Page.Locator("#add-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add to order" }).ClickAsync();

        await Expect(dialog.Locator("#add-error")).ToHaveTextAsync("Choose one: Doneness.");
        await Expect(dialog.GetByLabel("Rare")).ToBeFocusedAsync();
        await Expect(gil.Page.Locator("#order")).ToContainTextAsync("Nothing ordered yet");
    }

    [Fact]
    public async Task A_diners_name_is_shown_as_text_never_as_markup()
    {
        var name = "<img src=x id=injected>";
        var diner = await Diner.JoinAsync(Browser, "6", name);

        await diner.AddAsync("Tea");

        await Expect(diner.Line("Tea")).ToContainTextAsync(name);
        await Expect(diner.Page.Locator("#injected")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
