using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Orders;

public sealed class ListOrdersTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private readonly HttpClient _staff = fixture.Api.Staff();

    [Fact]
    public async Task Lists_orders_newest_first_with_their_summary()
    {
        var first = await TableSession.OpenAsync(fixture.Api, Tables.Unique("first"));
        var second = await TableSession.OpenAsync(fixture.Api, Tables.Unique("second"));
        var third = await TableSession.OpenAsync(fixture.Api, Tables.Unique("third"));
        string[] ours = [first.OrderId, second.OrderId, third.OrderId];

        var list = await (await _staff.GetAsync("/orders")).ReadJsonArrayAsync();

        var mine = list.Where(o => ours.Contains(o!["id"].Text())).ToList();
        Assert.Equal([third.OrderId, second.OrderId, first.OrderId], mine.Select(o => o!["id"].Text()));
        var created = list.Select(o => DateTimeOffset.Parse(o!["createdAt"].Text(), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(created.OrderByDescending(c => c), created);
        foreach (var summary in mine)
        {
            Assert.EndsWith("Z", summary!["createdAt"].Text());
            Assert.Equal("open", summary["status"].Text());
            Assert.Equal(0, summary["pendingCount"]!.GetValue<int>());
            Assert.Equal(0, summary["ticketCount"]!.GetValue<int>());
            Assert.True(summary.AsObject().ContainsKey("balance"));
            Assert.Null(summary["balance"]);
            Assert.False(string.IsNullOrEmpty(summary["table"].Text()));
        }
    }

    [Fact]
    public async Task Counts_pending_lines_and_tickets_and_shows_the_balance_once_billed()
    {
        var busy = await TableSession.OpenAsync(fixture.Api, Tables.Unique("counts"));
        await busy.AddAsync(TableSession.Item("soup"), TableSession.Item("fries"));
        await busy.SubmitAsync();
        await busy.AddAsync(TableSession.Item("soda"));
        await busy.SubmitAsync();
        await busy.AddAsync(TableSession.Item("tea", 3), TableSession.Item("cake"));
        var billed = await TableSession.OpenAsync(fixture.Api, Tables.Unique("balance"));
        await billed.AddAsync(TableSession.Item("omelet"), TableSession.Item("coffee"));
        await billed.SubmitAsync();
        await billed.BillAsync();

        var list = await (await _staff.GetAsync("/orders")).ReadJsonArrayAsync();

        var busySummary = Find(list, busy.OrderId);
        Assert.Equal(2, busySummary["pendingCount"]!.GetValue<int>());
        Assert.Equal(2, busySummary["ticketCount"]!.GetValue<int>());
        Assert.Null(busySummary["balance"]);
        var billedSummary = Find(list, billed.OrderId);
        Assert.Equal("billed", billedSummary["status"].Text());
        Assert.Equal(0, billedSummary["pendingCount"]!.GetValue<int>());
        Assert.Equal(1, billedSummary["ticketCount"]!.GetValue<int>());
        Assert.Equal(10.00m, billedSummary["balance"].Money());
    }

    [Fact]
    public async Task Filters_by_status()
    {
        var open = await TableSession.OpenAsync(fixture.Api, Tables.Unique("fopen"));
        var billed = await TableSession.OpenAsync(fixture.Api, Tables.Unique("fbilled"));
        await billed.AddAsync(TableSession.Item("juice"));
        await billed.SubmitAsync();
        await billed.BillAsync();

        var openList = await (await _staff.GetAsync("/orders?status=open")).ReadJsonArrayAsync();
        var billedList = await (await _staff.GetAsync("/orders?status=billed")).ReadJsonArrayAsync();
        var paidList = await (await _staff.GetAsync("/orders?status=paid")).ReadJsonArrayAsync();

        Assert.All(openList, o => Assert.Equal("open", o!["status"].Text()));
        Assert.Contains(openList, o => o!["id"].Text() == open.OrderId);
        Assert.DoesNotContain(openList, o => o!["id"].Text() == billed.OrderId);
        Assert.All(billedList, o => Assert.Equal("billed", o!["status"].Text()));
        Assert.Contains(billedList, o => o!["id"].Text() == billed.OrderId);
        Assert.DoesNotContain(billedList, o => o!["id"].Text() == open.OrderId);
        // Nothing can be paid until payments exist, so this fixture has no paid order.
        Assert.Empty(paidList);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("1")]
    [InlineData("open,paid")]
    [InlineData(" ")]
    [InlineData("OPEN")]
    [InlineData("Billed")]
    public async Task An_unknown_status_is_a_validation_failure(string status)
    {
        var response = await _staff.GetAsync($"/orders?status={Uri.EscapeDataString(status)}");

        Assert.Contains("status", await response.AssertValidationProblemAsync());
    }

    [Fact]
    public async Task Is_for_staff_only()
    {
        var diner = await TableSession.OpenAsync(fixture.Api, Tables.Unique("diner"));

        await (await diner.Client.GetAsync("/orders")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await fixture.Api.Anonymous().GetAsync("/orders")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static JsonNode Find(JsonArray list, string orderId) => Assert.Single(list, o => o!["id"].Text() == orderId)!;
}
