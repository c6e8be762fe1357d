using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Orders;

public sealed class ChangeItemsTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    [Fact]
    public async Task Adds_lines_at_the_menu_price_and_answers_with_the_order_view()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("add"));

        var response = await session.AddAsync(
            TableSession.Item("burger", 2, "Max", "medium rare"), TableSession.Item("soda", diner: "Max"), TableSession.Item("fries"));

        var order = await response.ReadOkJsonAsync();
        Assert.Equal(session.OrderId, order["id"].Text());
        var pending = order["pending"]!.AsArray();
        Assert.Equal(["burger", "soda", "fries"], pending.Select(l => l!["menuItemId"].Text()));
        Assert.Equal([2, 1, 1], pending.Select(l => l!["quantity"]!.GetValue<int>()));
        Assert.Equal([12.00m, 2.50m, 4.00m], pending.Select(l => l!["unitPrice"].Money()));
        Assert.Equal(["Burger", "Soda", "Fries"], pending.Select(l => l!["name"].Text()));
        Assert.Equal("medium rare", pending[0]!["note"].Text());
        Assert.Null(pending[2]!["diner"]);
        Assert.Equal(3, pending.Select(l => l!["lineId"].Text()).Distinct().Count());
        Assert.True(JsonNode.DeepEquals(order, await session.GetAsync()));
    }

    [Fact]
    public async Task Blank_diner_and_note_are_stored_as_null()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("blank"));

        var order = await (await session.AddAsync(TableSession.Item("tea", diner: "  ", note: ""))).ReadOkJsonAsync();

        var line = order["pending"]![0]!;
        Assert.Null(line["diner"]);
        Assert.Null(line["note"]);
    }

    [Fact]
    public async Task Removes_a_pending_line_and_adds_in_the_same_call()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("remove"));
        var added = await (await session.AddAsync(TableSession.Item("soup"), TableSession.Item("salad"))).ReadOkJsonAsync();
        var soupLine = added["pending"]![0]!["lineId"].Text();

        var changed = await (await session.ChangeAsync(new { add = new[] { TableSession.Item("cake") }, remove = new[] { soupLine } }))
            .ReadOkJsonAsync();

        Assert.Equal(["salad", "cake"], changed["pending"]!.AsArray().Select(l => l!["menuItemId"].Text()));
        var removedOnly = await (await session.ChangeAsync(new { remove = new[] { changed["pending"]![1]!["lineId"].Text() } })).ReadOkJsonAsync();
        Assert.Equal(["salad"], removedOnly["pending"]!.AsArray().Select(l => l!["menuItemId"].Text()));
    }

    [Fact]
    public async Task An_addition_past_200_units_is_refused_and_adds_nothing()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("full"));
        var full = await session.AddAsync([.. Enumerable.Range(0, 4).Select(_ => TableSession.Item("coffee", 50))]);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);

        var refused = await session.AddAsync(TableSession.Item("tea"));

        Assert.Equal(["add"], await refused.AssertValidationProblemAsync());
        Assert.Equal(200, (await session.GetAsync())["pending"]!.AsArray().Sum(line => line!["quantity"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_unknown_menu_item_refuses_the_whole_request()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("unknown"));

        var response = await session.AddAsync(TableSession.Item("salad"), TableSession.Item("lobster"), TableSession.Item("juice"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_menu_item");
        Assert.Contains("lobster", problem["detail"].Text());
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_line_refuses_the_whole_request()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("noline"));
        var kept = await (await session.AddAsync(TableSession.Item("soup"))).ReadOkJsonAsync();

        var response = await session.ChangeAsync(new { add = new[] { TableSession.Item("salad") }, remove = new[] { "no-such-line" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_line");
        Assert.True(JsonNode.DeepEquals(kept["pending"], (await session.GetAsync())["pending"]));
    }

    [Fact]
    public async Task A_line_of_another_order_is_an_unknown_line()
    {
        var mine = await TableSession.OpenAsync(fixture.Api, Tables.Unique("mine"));
        var theirs = await TableSession.OpenAsync(fixture.Api, Tables.Unique("theirs"));
        var theirLine = (await (await theirs.AddAsync(TableSession.Item("cake"))).ReadOkJsonAsync())["pending"]![0]!["lineId"].Text();

        var response = await mine.ChangeAsync(new { remove = new[] { theirLine } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_line");
        Assert.Single((await theirs.GetAsync())["pending"]!.AsArray());
    }

    [Fact]
    public async Task A_line_sent_to_the_kitchen_cannot_be_removed()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("sent"));
        var line = (await (await session.AddAsync(TableSession.Item("omelet"))).ReadOkJsonAsync())["pending"]![0]!["lineId"].Text();
        Assert.Equal(HttpStatusCode.Created, (await session.SubmitAsync()).StatusCode);

        var response = await session.ChangeAsync(new { add = new[] { TableSession.Item("coffee") }, remove = new[] { line } });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "line_submitted");
        var order = await session.GetAsync();
        Assert.Empty(order["pending"]!.AsArray());
        Assert.Equal(line, order["tickets"]![0]!["lines"]![0]!["lineId"].Text());
    }

    [Fact]
    public async Task A_billed_order_takes_no_changes()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("billed"));
        var line = (await (await session.AddAsync(TableSession.Item("juice"))).ReadOkJsonAsync())["pending"]![0]!["lineId"].Text();
        await session.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, (await session.BillAsync()).StatusCode);

        await (await session.AddAsync(TableSession.Item("cake"))).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
        await (await session.ChangeAsync(new { remove = new[] { line } })).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
        var order = await session.GetAsync();
        Assert.Empty(order["pending"]!.AsArray());
        Assert.Single(order["tickets"]![0]!["lines"]!.AsArray());
    }

    [Fact]
    public async Task An_unavailable_item_is_409_and_refuses_the_whole_request()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("86"));
        try
        {
            await StaffMenu.SetAvailabilityAsync(fixture.Api, "cake", available: false);

            var response = await session.AddAsync(TableSession.Item("tea"), TableSession.Item("cake"));

            var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "item_unavailable");
            Assert.Contains("Chocolate Cake", problem["detail"].Text());
            Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
        }
        finally
        {
            await StaffMenu.SetAvailabilityAsync(fixture.Api, "cake", available: true);
        }

        var again = await session.AddAsync(TableSession.Item("tea"), TableSession.Item("cake"));
        Assert.Equal(2, (await again.ReadOkJsonAsync())["pending"]!.AsArray().Count);
    }

    [Fact]
    public async Task Lines_keep_the_price_they_were_added_at()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("price"));
        await session.AddAsync(TableSession.Item("coffee", diner: "Old"));
        try
        {
            await StaffMenu.PublishPriceAsync(fixture.Api, "coffee", 3.75m);

            var order = await (await session.AddAsync(TableSession.Item("coffee", diner: "New"))).ReadOkJsonAsync();

            Assert.Equal([3.00m, 3.75m], order["pending"]!.AsArray().Select(l => l!["unitPrice"].Money()));
            await session.SubmitAsync();
            var bill = await (await session.BillAsync()).ReadOkJsonAsync();
            Assert.Equal(6.75m, bill["subtotal"].Money());
            Assert.Equal(6.75m, bill["total"].Money());
        }
        finally
        {
            await StaffMenu.PublishPriceAsync(fixture.Api, "coffee", 3.00m);
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"add":[]}""")]
    [InlineData("""{"remove":[]}""")]
    [InlineData("""{"add":[],"remove":[]}""")]
    [InlineData("""{"add":null,"remove":null}""")]
    public async Task Neither_add_nor_remove_is_a_validation_failure(string body)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("empty"));

        var response = await session.Client.PostRawAsync($"/orders/{session.OrderId}/items", body);

        Assert.Contains("add", await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-1)]
    public async Task A_quantity_outside_1_to_50_is_refused(int quantity)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("qty"));

        var response = await session.AddAsync(TableSession.Item("tea"), TableSession.Item("soda", quantity));

        Assert.Contains("add[1].quantity", await response.AssertValidationProblemAsync());
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public async Task Quantities_of_1_and_50_are_accepted(int quantity)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("qtyok"));

        var order = await (await session.AddAsync(TableSession.Item("tea", quantity))).ReadOkJsonAsync();

        Assert.Equal(quantity, order["pending"]![0]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_missing_quantity_or_menu_item_is_refused_by_name()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("missing"));

        var response = await session.Client.PostRawAsync($"/orders/{session.OrderId}/items",
            """{"add":[{"menuItemId":"tea"},{"quantity":2}]}""");

        var fields = await response.AssertValidationProblemAsync();
        Assert.Contains("add[0].quantity", fields);
        Assert.Contains("add[1].menuItemId", fields);
    }

    [Fact]
    public async Task A_diner_name_longer_than_40_is_refused()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("diner"));

        var refused = await session.AddAsync(TableSession.Item("tea", diner: new string('d', 41)));
        Assert.Contains("add[0].diner", await refused.AssertValidationProblemAsync());

        var accepted = await session.AddAsync(TableSession.Item("tea", diner: new string('d', 40)));
        Assert.Equal(new string('d', 40), (await accepted.ReadOkJsonAsync())["pending"]![0]!["diner"].Text());
    }

    [Fact]
    public async Task A_note_longer_than_200_is_refused()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("note"));

        var refused = await session.AddAsync(TableSession.Item("tea", note: new string('n', 201)));
        Assert.Contains("add[0].note", await refused.AssertValidationProblemAsync());

        var accepted = await session.AddAsync(TableSession.Item("tea", note: new string('n', 200)));
        Assert.Equal(new string('n', 200), (await accepted.ReadOkJsonAsync())["pending"]![0]!["note"].Text());
    }

    [Fact]
    public async Task More_than_100_additions_are_refused()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("many"));

        var refused = await session.AddAsync(Enumerable.Range(0, 101).Select(_ => TableSession.Item("tea")).ToArray());
        Assert.Contains("add", await refused.AssertValidationProblemAsync());
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());

        var accepted = await session.AddAsync(Enumerable.Range(0, 100).Select(_ => TableSession.Item("tea")).ToArray());
        Assert.Equal(100, (await accepted.ReadOkJsonAsync())["pending"]!.AsArray().Count);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("all"));

        var response = await session.AddAsync(
            TableSession.Item("tea", 0), TableSession.Item("soda", diner: new string('x', 41)), TableSession.Item("cake", note: new string('y', 201)));

        var fields = await response.AssertValidationProblemAsync();
        Assert.Contains("add[0].quantity", fields);
        Assert.Contains("add[1].diner", fields);
        Assert.Contains("add[2].note", fields);
    }

    [Fact]
    public async Task An_unknown_order_is_404_for_staff()
    {
        var response = await fixture.Api.Staff().PostJsonAsync("/orders/no-such-order/items", new { add = new[] { TableSession.Item("tea") } });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }
}
