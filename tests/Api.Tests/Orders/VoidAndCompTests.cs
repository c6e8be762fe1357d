using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Orders;

/// <summary>POST /orders/{id}/void and /comp: staff only, with a reason, on sent lines, before the bill.</summary>
public sealed class VoidAndCompTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    /// <summary>A table whose <paramref name="items"/> went to the kitchen on ticket 1; returns it and the lines' ids.</summary>
    private async Task<(TableSession Table, string[] Lines)> SentAsync(string prefix, params object[] items)
    {
        var table = await OpenAsync(Api, Tables.Unique(prefix));
        await (await table.AddAsync(items)).ReadOkJsonAsync();
        var ticket = (await (await table.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
        return (table, LineIds(ticket));
    }

    [Fact]
    public async Task A_void_records_who_when_and_why()
    {
        var (table, lines) = await SentAsync("audit", Item("soup"));
        var before = DateTime.UtcNow.AddSeconds(-5);

        var order = await (await table.VoidAsync("wrong table", Units(lines[0]))).ReadOkJsonAsync();

        var audit = LineOf(order, lines[0])["void"]!;
        Assert.Equal("wrong table", audit["reason"].Text());
        Assert.Matches("^staff:[0-9a-f]{16}$", audit["by"].Text());
        Assert.InRange(audit["at"]!.GetValue<DateTime>(), before, DateTime.UtcNow.AddSeconds(5));
        Assert.Null(LineOf(order, lines[0])["comp"]);
    }

    [Fact]
    public async Task Voiding_a_line_that_is_still_pending_is_409_line_not_sent()
    {
        var table = await OpenAsync(Api, Tables.Unique("pending"));
        var lineId = (await (await table.AddAsync(Item("tea"))).ReadOkJsonAsync())["pending"]![0]!["lineId"].Text();

        await (await table.VoidAsync("oops", Units(lineId))).AssertProblemAsync(HttpStatusCode.Conflict, "line_not_sent");

        Assert.Empty((await table.GetAsync())["tickets"]!.AsArray());
    }

    [Fact]
    public async Task Voiding_more_units_than_the_line_has_or_an_unknown_line_is_400()
    {
        var (table, lines) = await SentAsync("badvoid", Item("tea", 2));

        Assert.Contains("lines", await (await table.VoidAsync("x", Units(lines[0], 3))).AssertValidationProblemAsync());
        await (await table.VoidAsync("x", Units("no-such-line"))).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_line");
        Assert.Single((await table.GetAsync())["tickets"]!.AsArray());
    }

    [Fact]
    public async Task Voiding_a_voided_line_is_409_invalid_status_change()
    {
        var (table, lines) = await SentAsync("twice", Item("tea"));
        await (await table.VoidAsync("spilled", Units(lines[0]))).ReadOkJsonAsync();

        await (await table.VoidAsync("again", Units(lines[0]))).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_status_change");
    }

    [Theory]
    [InlineData("""{"lines":[{"lineId":"L"}]}""", "reason")]
    [InlineData("""{"lines":[{"lineId":"L"}],"reason":""}""", "reason")]
    [InlineData("""{"lines":[{"lineId":"L"}],"reason":"a\u0000b"}""", "reason")]
    [InlineData("""{"lines":[],"reason":"why"}""", "lines")]
    [InlineData("""{"reason":"why"}""", "lines")]
    [InlineData("""{"lines":[{"lineId":"L","quantity":0}],"reason":"why"}""", "lines[0].quantity")]
    public async Task A_malformed_void_is_a_validation_failure_naming_the_field(string body, string field)
    {
        var (table, lines) = await SentAsync("malvoid", Item("tea"));

        var response = await Api.Staff().PostRawAsync($"/orders/{table.OrderId}/void", body.Replace("\"L\"", $"\"{lines[0]}\""));

        Assert.Contains(field, await response.AssertValidationProblemAsync());
    }

    [Fact]
    public async Task A_reason_over_200_characters_is_a_validation_failure()
    {
        var (table, lines) = await SentAsync("longwhy", Item("tea"));

        Assert.Contains("reason", await (await table.CompAsync(new string('x', 201), lines[0])).AssertValidationProblemAsync());
        Assert.Contains("reason", await (await table.VoidAsync(new string('x', 201), Units(lines[0]))).AssertValidationProblemAsync());
    }

    [Fact]
    public async Task Only_staff_may_void_or_comp()
    {
        var (table, lines) = await SentAsync("dinvoid", Item("tea"));

        await (await table.Client.PostJsonAsync($"/orders/{table.OrderId}/void", new { lines = new[] { Units(lines[0]) }, reason = "mine" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await table.Client.PostJsonAsync($"/orders/{table.OrderId}/comp", new { lines = new[] { lines[0] }, reason = "mine" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("sent", LineOf(await table.GetAsync(), lines[0])["status"].Text());
    }

    [Fact]
    public async Task A_comp_keeps_the_line_and_bills_it_at_zero()
    {
        var (table, lines) = await SentAsync("comp", Item("omelet", diner: "Jo"), Item("coffee", diner: "Jo"));

        var order = await (await table.CompAsync("regular customer", lines[1])).ReadOkJsonAsync();
        var bill = await (await table.BillAsync()).ReadOkJsonAsync();

        Assert.Equal("sent", LineOf(order, lines[1])["status"].Text());
        Assert.Equal("regular customer", LineOf(order, lines[1])["comp"]!["reason"].Text());
        Assert.Equal((12.00m, 3.00m, 0m, 9.00m), (bill["subtotal"].Money(), bill["comps"].Money(), bill["savings"].Money(), bill["total"].Money()));
        Assert.Empty(bill["bundles"]!.AsArray());
    }

    [Fact]
    public async Task Comping_an_already_comped_line_is_409_invalid_status_change()
    {
        var (table, lines) = await SentAsync("comp2", Item("tea"));
        await (await table.CompAsync("first", lines[0])).ReadOkJsonAsync();

        await (await table.CompAsync("second", lines[0])).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_status_change");

        Assert.Equal("first", LineOf(await table.GetAsync(), lines[0])["comp"]!["reason"].Text());
    }

    [Fact]
    public async Task A_void_or_comp_of_a_billed_order_is_409_order_billed()
    {
        var (table, lines) = await SentAsync("billed", Item("tea"));
        var bill = await (await table.BillAsync()).ReadOkJsonAsync();

        await (await table.VoidAsync("late", Units(lines[0]))).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
        await (await table.CompAsync("late", lines[0])).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
        Assert.True(JsonNode.DeepEquals(bill["total"], (await table.GetAsync())["bill"]!["total"]));
    }

    [Fact]
    public async Task Every_line_voided_leaves_nothing_to_bill()
    {
        var (table, lines) = await SentAsync("allvoid", Item("tea"), Item("soup"));
        await (await table.VoidAsync("left", Units(lines[0]), Units(lines[1]))).ReadOkJsonAsync();

        await (await table.BillAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "empty_order");
    }
}
