using System.Net;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Kitchen;

/// <summary>POST /kitchen/tickets/{sequence}/status: lines move forward only, and a voided line never moves.</summary>
public sealed class TicketStatusTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    /// <summary>A table with <paramref name="items"/> on ticket 1, and that ticket's kitchen sequence.</summary>
    private async Task<(TableSession Table, long Sequence, string[] Lines)> TicketAsync(string prefix, params object[] items)
    {
        var table = await OpenAsync(Api, Tables.Unique(prefix));
        await (await table.AddAsync(items)).ReadOkJsonAsync();
        var ticket = (await (await table.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
        var sequence = (await KitchenTicketsAsync(Api)).Of(table, 1)["sequence"]!.GetValue<long>();
        return (table, sequence, LineIds(ticket));
    }

    [Fact]
    public async Task Bumping_answers_the_ticket_and_the_diners_see_the_status()
    {
        var (table, sequence, lines) = await TicketAsync("bump", Item("soup"), Item("tea"));

        var ticket = await (await BumpAsync(Api, sequence, "ready", lines[1])).ReadOkJsonAsync();

        Assert.Equal((sequence, table.OrderId, 1, "order"), (ticket["sequence"]!.GetValue<long>(), ticket["orderId"].Text(),
            ticket["number"]!.GetValue<int>(), ticket["kind"].Text()));
        Assert.Equal(["sent", "ready"], ticket["lines"]!.AsArray().Select(l => l!["status"].Text()));
        Assert.Equal("ready", LineOf(await table.GetAsync(), lines[1])["status"].Text());
    }

    [Fact]
    public async Task A_line_never_moves_back()
    {
        var (_, sequence, lines) = await TicketAsync("back", Item("soup"));
        await (await BumpAsync(Api, sequence, "served")).ReadOkJsonAsync();

        await (await BumpAsync(Api, sequence, "preparing", lines[0])).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_status_change");
    }

    [Fact]
    public async Task A_voided_line_never_moves_and_a_void_ticket_cannot_be_bumped()
    {
        var (table, sequence, lines) = await TicketAsync("voided", Item("soup"), Item("tea"));
        await (await table.VoidAsync("sent back", Units(lines[0]))).ReadOkJsonAsync();
        var voidSequence = (await KitchenTicketsAsync(Api, sequence)).Of(table, 2)["sequence"]!.GetValue<long>();

        await (await BumpAsync(Api, sequence, "ready", lines[0])).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_status_change");
        await (await BumpAsync(Api, voidSequence, "ready")).AssertProblemAsync(HttpStatusCode.Conflict, "invalid_status_change");
        var whole = await (await BumpAsync(Api, sequence, "ready")).ReadOkJsonAsync();
        Assert.Equal(["voided", "ready"], whole["lines"]!.AsArray().Select(l => l!["status"].Text()));
    }

    [Fact]
    public async Task A_line_of_another_ticket_is_400_unknown_line()
    {
        var (table, sequence, _) = await TicketAsync("other", Item("soup"));
        var later = (await (await table.AddAsync(Item("tea"))).ReadOkJsonAsync())["pending"]![0]!["lineId"].Text();

        await (await BumpAsync(Api, sequence, "ready", later)).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_line");
    }

    [Fact]
    public async Task An_unknown_ticket_is_404()
    {
        await (await BumpAsync(Api, long.MaxValue, "ready")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("""{"status":"Ready"}""", "status")]
    [InlineData("""{"status":"sent"}""", "status")]
    [InlineData("""{"status":"voided"}""", "status")]
    [InlineData("""{}""", "status")]
    [InlineData("""{"status":"ready","lineIds":[]}""", "lineIds")]
    public async Task A_status_the_kitchen_cannot_set_is_a_validation_failure(string body, string field)
    {
        var (_, sequence, _) = await TicketAsync("badstat", Item("soup"));

        var response = await Api.Staff().PostRawAsync($"/kitchen/tickets/{sequence}/status", body);

        Assert.Contains(field, await response.AssertValidationProblemAsync());
    }

    [Fact]
    public async Task Only_staff_may_bump()
    {
        var (table, sequence, _) = await TicketAsync("dinbump", Item("soup"));

        await (await table.Client.PostJsonAsync($"/kitchen/tickets/{sequence}/status", new { status = "ready" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_station_shows_only_its_lines_and_only_tickets_that_have_any()
    {
        var table = await OpenAsync(Api, Tables.Unique("station"));
        await table.AddAsync(Item("soup"));
        await table.SubmitAsync();
        await table.AddAsync(Item("tea"), Item("salad"));
        await table.SubmitAsync();

        var bar = (await KitchenTicketsAsync(Api, station: "bar")).Where(t => t["orderId"].Text() == table.OrderId).ToList();
        var all = (await KitchenTicketsAsync(Api)).Where(t => t["orderId"].Text() == table.OrderId).ToList();

        Assert.Equal([2], bar.Select(t => t["number"]!.GetValue<int>()));
        Assert.Equal(["tea"], bar[0]["lines"]!.AsArray().Select(l => l!["menuItemId"].Text()));
        Assert.Equal([1, 2], all.Select(t => t["number"]!.GetValue<int>()));
        Assert.Empty(await KitchenTicketsAsync(Api, station: "pastry"));
        Assert.Contains("station", await (await Api.Staff().GetAsync("/kitchen/tickets?station=no%20such")).AssertValidationProblemAsync());
    }
}
