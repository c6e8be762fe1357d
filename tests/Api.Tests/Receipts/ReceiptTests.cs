using System.Net;
using System.Net.Http.Headers;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Receipts;

/// <summary>GET /orders/{id}/receipt: plain text by default, printable HTML on request, the guests' text escaped.</summary>
public sealed class ReceiptTests : IAsyncLifetime
{
    private readonly RestaurantApi _api = new() { Settings = { ["Restaurant:Name"] = "Chez <Test> & Co" } };

    /// <summary>
    /// A table that had a coffee with oat milk and an omelet (one bundle, 10.50), a comped soup, a voided tea, a 10%
    /// discount, then paid by visa with a tip and had 1.00 refunded.
    /// </summary>
    private async Task<TableSession> StoryAsync(string prefix, string diner = "Ann")
    {
        var table = await OpenAsync(_api, Tables.Unique(prefix), guests: 2, diner: diner);
        await (await table.AddAsync(Item("coffee", options: ["oat"]), Item("omelet"), Item("soup"), Item("tea"))).ReadOkJsonAsync();
        var ticket = (await (await table.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
        var lines = ticket["lines"]!.AsArray().ToDictionary(l => l!["menuItemId"].Text(), l => l!["lineId"].Text());
        await (await table.CompAsync("cold", lines["soup"])).ReadOkJsonAsync();
        await (await table.VoidAsync("wrong", Units(lines["tea"]))).ReadOkJsonAsync();
        await (await table.DiscountAsync("percent", 10m, "<b>happy</b> hour")).ReadOkJsonAsync(HttpStatusCode.Created);
        var bill = await (await table.BillAsync()).ReadOkJsonAsync();
        var total = bill["total"].Money();
        var paid = await (await table.PayAsync(total, Card(total, "pm_card_mastercard", tip: 1m))).ReadOkJsonAsync();
        await (await table.RefundAsync(paid["results"]![0]!["tenderId"].Text(), 1m, "slow")).ReadOkJsonAsync(HttpStatusCode.Created);
        return table;
    }

    private static async Task<(string MediaType, string Body)> ReceiptAsync(TableSession table, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{table.OrderId}/receipt");
        if (accept is not null) request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        var response = await table.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentType!.MediaType!, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_plain_receipt_lists_lines_bundles_steps_tenders_refunds_and_balance()
    {
        var (mediaType, text) = await ReceiptAsync(await StoryAsync("plain"));

        Assert.Equal("text/plain", mediaType);
        Assert.Contains("Chez <Test> & Co", text);
        Assert.Contains("1 x Coffee", text);
        Assert.Contains("Oat milk +0.50", text);
        Assert.Contains("Omelet & Coffee", text);
        Assert.Contains("(comped)", text);
        Assert.DoesNotContain("Tea", text);
        Assert.Contains("<b>happy</b> hour", text);
        Assert.Contains("Card mastercard •••• 4444", text);
        Assert.Contains("tip 1.00", text);
        Assert.Contains("slow", text);
        Assert.Matches(@"Balance\s+0\.00", text);
    }

    [Fact]
    public async Task The_html_receipt_escapes_every_piece_of_user_text()
    {
        var (mediaType, html) = await ReceiptAsync(await StoryAsync("html"), "text/html");

        Assert.Equal("text/html", mediaType);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("Chez &lt;Test&gt; &amp; Co", html);
        Assert.Contains("&lt;b&gt;happy&lt;/b&gt; hour", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("Card mastercard •••• 4444", html);
    }

    [Fact]
    public async Task The_receipts_amounts_are_the_bills()
    {
        var table = await StoryAsync("amounts");
        var bill = (await table.GetAsync())["bill"]!;
        var (_, text) = await ReceiptAsync(table);

        // Coffee with oat milk and an omelet: the bundle (10.00) plus the milk (0.50); 10% off is 1.05.
        Assert.Equal((1.05m, 9.45m), (bill["discount"].Money(), bill["total"].Money()));
        Assert.Matches(@"Discount\s+-1\.05", text);
        Assert.Matches(@"Total\s+9\.45", text);
    }

    [Fact]
    public async Task Another_orders_token_may_not_read_the_receipt()
    {
        var table = await StoryAsync("mine");
        var other = await OpenAsync(_api, Tables.Unique("other"));
        var response = await other.Client.GetAsync($"/orders/{table.OrderId}/receipt");
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
