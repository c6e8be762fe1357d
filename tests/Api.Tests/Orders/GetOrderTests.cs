using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Orders;

public sealed class GetOrderTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    [Fact]
    public async Task A_new_order_has_nothing_yet()
    {
        var table = Tables.Unique("new");
        var session = await TableSession.OpenAsync(fixture.Api, table, guests: 2);

        var order = await session.GetAsync();

        Assert.Equal(session.OrderId, order["id"].Text());
        OrderAssertions.AssertNewOpenOrder(order, table);
    }

    [Fact]
    public async Task The_access_token_is_shown_only_when_the_order_is_created()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("secret"));

        var text = await (await session.Client.GetAsync($"/orders/{session.OrderId}")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("accessToken", text);
        Assert.DoesNotContain(session.Token, text);
    }

    [Fact]
    public async Task Pending_lines_have_the_documented_shape()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("lines"));
        await session.AddAsync(TableSession.Item("pancakes", 2, "Ann", "no syrup"), TableSession.Item("tea"));

        var pending = (await session.GetAsync())["pending"]!.AsArray();

        Assert.Equal(2, pending.Count);
        var pancakes = pending[0]!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(pancakes["lineId"].Text()));
        Assert.Equal("pancakes", pancakes["menuItemId"].Text());
        Assert.Equal("Pancakes", pancakes["name"].Text());
        Assert.Equal(2, pancakes["quantity"]!.GetValue<int>());
        Assert.Equal(8.50m, pancakes["unitPrice"].Money());
        Assert.Equal("Ann", pancakes["diner"].Text());
        Assert.Equal("no syrup", pancakes["note"].Text());
        var tea = pending[1]!.AsObject();
        Assert.Equal("tea", tea["menuItemId"].Text());
        Assert.Equal(2.50m, tea["unitPrice"].Money());
        Assert.True(tea.ContainsKey("diner") && tea.ContainsKey("note"));
        Assert.Null(tea["diner"]);
        Assert.Null(tea["note"]);
    }

    [Fact]
    public async Task Submitted_lines_move_into_numbered_tickets()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("tickets"));
        await session.AddAsync(TableSession.Item("burger", diner: "Bo"));
        await session.SubmitAsync();
        await session.AddAsync(TableSession.Item("cake", diner: "Bo"));
        await session.SubmitAsync();
        await session.AddAsync(TableSession.Item("coffee"));

        var order = await session.GetAsync();

        Assert.Equal(["coffee"], order["pending"]!.AsArray().Select(l => l!["menuItemId"].Text()));
        var tickets = order["tickets"]!.AsArray();
        Assert.Equal([1, 2], tickets.Select(t => t!["number"]!.GetValue<int>()));
        Assert.Equal(["burger"], tickets[0]!["lines"]!.AsArray().Select(l => l!["menuItemId"].Text()));
        Assert.Equal(["cake"], tickets[1]!["lines"]!.AsArray().Select(l => l!["menuItemId"].Text()));
        foreach (var ticket in tickets)
        {
            var submittedAt = ticket!["submittedAt"].Text();
            Assert.EndsWith("Z", submittedAt);
            var instant = DateTimeOffset.Parse(submittedAt, CultureInfo.InvariantCulture);
            Assert.InRange(instant, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        }
        Assert.Null(order["bill"]);
        Assert.Null(order["balance"]);
    }

    [Fact]
    public async Task After_billing_the_view_carries_the_bill_and_a_numeric_balance()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("billed"));
        await session.AddAsync(TableSession.Item("salad", diner: "John"), TableSession.Item("juice", diner: "John"));
        await session.SubmitAsync();
        var bill = await (await session.BillAsync()).ReadOkJsonAsync();

        var order = await session.GetAsync();

        Assert.Equal("billed", order["status"].Text());
        Assert.True(JsonNode.DeepEquals(bill, order["bill"]), $"{bill} != {order["bill"]}");
        Assert.Equal(JsonValueKind.Number, order["balance"]!.GetValueKind());
        Assert.Equal(10.00m, order["balance"].Money());
        Assert.Empty(order["payments"]!.AsArray());
        Assert.Empty(order["pending"]!.AsArray());
        Assert.Single(order["tickets"]!.AsArray());
    }

    [Fact]
    public async Task Staff_can_read_any_order()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("staff"));

        var response = await fixture.Api.Staff().GetAsync($"/orders/{session.OrderId}");

        Assert.Equal(session.OrderId, (await response.ReadOkJsonAsync())["id"].Text());
    }

    [Theory]
    [InlineData("0000000000000000000000000000000")]
    [InlineData("no-such-order")]
    public async Task An_unknown_order_is_404_order_not_found(string id)
    {
        var response = await fixture.Api.Staff().GetAsync($"/orders/{id}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
        Assert.Contains(id, problem["detail"].Text());
    }
}
