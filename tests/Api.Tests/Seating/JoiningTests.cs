using System.Net;
using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Seating;

/// <summary>POST /orders with the table's code: the first phone opens the order, every other one joins it.</summary>
public sealed class JoiningTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task A_second_phone_with_the_code_joins_the_order_with_a_token_of_its_own()
    {
        var table = Tables.Unique("join");
        var code = await Floor.SetUpAsync(Api, table);
        var opened = await (await Floor.OpenOrJoinAsync(Api.Anonymous(), table, code, guests: 2, diner: "Ann")).ReadOkJsonAsync(HttpStatusCode.Created);

        var response = await Floor.OpenOrJoinAsync(Api.Anonymous(), table, code, diner: "Bob");

        var joined = await response.ReadOkJsonAsync();
        Assert.Null(response.Headers.Location);
        Assert.Equal(opened["id"].Text(), joined["id"].Text());
        Assert.Equal(2, joined["guests"]!.GetValue<int>());
        Assert.NotEqual(opened["accessToken"].Text(), joined["accessToken"].Text());
        foreach (var token in new[] { opened["accessToken"].Text(), joined["accessToken"].Text() })
            Assert.Equal(HttpStatusCode.OK, (await Api.WithToken(token).GetAsync($"/orders/{opened["id"].Text()}")).StatusCode);
    }

    [Fact]
    public async Task Lines_a_diner_adds_without_a_name_carry_the_name_on_their_token()
    {
        var ann = await TableSession.OpenAsync(Api, Tables.Unique("names"), diner: "Ann");
        var bob = await ann.JoinAsync("Bob");
        var nameless = await ann.JoinAsync();

        await ann.AddAsync(TableSession.Item("salad"));
        await bob.AddAsync(TableSession.Item("soup"), TableSession.Item("tea", diner: "Cy"));
        await nameless.AddAsync(TableSession.Item("cake"));
        await Api.Staff().PostAsJsonAsync($"/orders/{ann.OrderId}/items", new { add = new[] { TableSession.Item("juice") } });

        var lines = (await ann.GetAsync())["pending"]!.AsArray().Select(l => (l!["menuItemId"].Text(), l["diner"]?.GetValue<string>()));
        (string, string?)[] expected = [("salad", "Ann"), ("soup", "Bob"), ("tea", "Cy"), ("cake", null), ("juice", null)];
        Assert.Equal(expected, lines);
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("missing")]
    [InlineData("another table's")]
    [InlineData("empty")]
    public async Task A_phone_without_the_tables_code_neither_opens_nor_joins(string which)
    {
        var table = Tables.Unique("badcode");
        var code = await Floor.SetUpAsync(Api, table);
        var other = await Floor.SetUpAsync(Api, Tables.Unique("other"));
        string? sent = which switch { "wrong" => code[..^1] + (code[^1] == 'A' ? 'B' : 'A'), "missing" => null, "empty" => "", _ => other };

        await (await Floor.OpenOrJoinAsync(Api.Anonymous(), table, sent)).AssertProblemAsync(HttpStatusCode.Forbidden, "invalid_table_code");
        Assert.Null(await TableOrderAsync(table));

        var session = await TableSession.OpenAsync(Api, table);
        await (await Floor.OpenOrJoinAsync(Api.Anonymous(), table, sent)).AssertProblemAsync(HttpStatusCode.Forbidden, "invalid_table_code");
        Assert.Equal(session.OrderId, (await TableOrderAsync(table))!["id"].Text());
    }

    [Fact]
    public async Task A_rotated_code_stops_opening_and_joining_at_once_but_tokens_already_issued_keep_working()
    {
        var table = Tables.Unique("rotated");
        var old = await Floor.SetUpAsync(Api, table);
        var first = await (await Floor.OpenOrJoinAsync(Api.Anonymous(), table, old)).ReadOkJsonAsync(HttpStatusCode.Created);

        var fresh = (await (await Api.Staff().PostAsync($"/tables/{table}/code", null)).ReadOkJsonAsync())["code"].Text();

        await (await Floor.OpenOrJoinAsync(Api.Anonymous(), table, old)).AssertProblemAsync(HttpStatusCode.Forbidden, "invalid_table_code");
        var holder = Api.WithToken(first["accessToken"].Text());
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsJsonAsync($"/orders/{first["id"].Text()}/items", new { add = new[] { TableSession.Item("tea") } })).StatusCode);
        var joined = await (await Floor.OpenOrJoinAsync(Api.Anonymous(), table, fresh)).ReadOkJsonAsync();
        Assert.Equal(first["id"].Text(), joined["id"].Text());
    }

    [Fact]
    public async Task An_unknown_or_deleted_table_is_not_found_for_diners_and_staff()
    {
        var table = Tables.Unique("deleted");
        var code = await Floor.SetUpAsync(Api, table);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.Staff().DeleteAsync($"/tables/{table}")).StatusCode);

        await (await Floor.OpenOrJoinAsync(Api.Anonymous(), table, code)).AssertProblemAsync(HttpStatusCode.NotFound, "table_not_found");
        await (await Api.Staff().PostAsJsonAsync("/orders", new { table })).AssertProblemAsync(HttpStatusCode.NotFound, "table_not_found");
        await (await Floor.OpenOrJoinAsync(Api.Anonymous(), "never-made", code)).AssertProblemAsync(HttpStatusCode.NotFound, "table_not_found");
        var orders = await (await Api.Staff().GetAsync("/orders?limit=500")).ReadJsonArrayAsync();
        Assert.DoesNotContain(orders, o => o!["table"].Text() == table);
    }

    [Fact]
    public async Task Staff_open_a_table_without_its_code_and_are_told_which_order_holds_a_busy_one()
    {
        var table = Tables.Unique("staff");
        await Floor.SetUpAsync(Api, table);

        var opened = await (await Api.Staff().PostAsJsonAsync("/orders", new { table, guests = 3 })).ReadOkJsonAsync(HttpStatusCode.Created);
        var busy = await Api.Staff().PostAsJsonAsync("/orders", new { table });

        Assert.Equal(opened["id"].Text(), (await busy.AssertProblemAsync(HttpStatusCode.Conflict, "table_busy"))["orderId"].Text());
        Assert.Equal(HttpStatusCode.OK, (await Api.WithToken(opened["accessToken"].Text()).GetAsync($"/orders/{opened["id"].Text()}")).StatusCode);
    }

    [Fact]
    public async Task A_diner_joins_a_billed_order_to_pay_their_share_and_a_paid_table_opens_a_new_order()
    {
        var first = await TableSession.BilledAsync(Api, "late", TableSession.Item("soup", diner: "Ann"), TableSession.Item("cake", diner: "Bob"));
        var bob = await first.JoinAsync("Bob");

        var paid = await (await bob.PayAsync(6.50m, TableSession.Card(6.50m))).ReadOkJsonAsync();

        Assert.Equal("partially_paid", paid["status"].Text());
        var share = (await first.GetAsync())["bill"]!["shares"]!.AsArray().Single(s => s!["diner"].Text() == "Bob")!;
        Assert.Equal((6.50m, 6.50m), (share["amount"].Money(), share["paid"].Money()));
        await (await first.PayAsync(6.00m, TableSession.Card(6.00m))).ReadOkJsonAsync();
        var table = (await first.GetAsync())["table"].Text();
        var next = await Floor.OpenOrJoinAsync(Api.Anonymous(), table, await Floor.SetUpAsync(Api, table));
        Assert.NotEqual(first.OrderId, (await next.ReadOkJsonAsync(HttpStatusCode.Created))["id"].Text());
    }

    [Fact]
    public async Task Twenty_phones_scanning_the_code_at_once_make_one_order_with_every_phone_in_it()
    {
        var table = Tables.Unique("twenty");
        var code = await Floor.SetUpAsync(Api, table);

        var answers = await Floor.ScanAtOnceAsync(_ => Api.Anonymous(), table, code, 20);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var seated = await Task.WhenAll(answers.Select(a => a.ReadJsonAsync()));
        var orderId = Assert.Single(seated.Select(s => s["id"].Text()).Distinct());
        Assert.Equal(20, seated.Select(s => s["accessToken"].Text()).Distinct().Count());
        // Every phone is in: each adds a line with its own token.
        await Task.WhenAll(seated.Select(s => Api.WithToken(s["accessToken"].Text())
            .PostAsJsonAsync($"/orders/{orderId}/items", new { add = new[] { TableSession.Item("tea") } })));
        var order = await (await Api.Staff().GetAsync($"/orders/{orderId}")).ReadOkJsonAsync();
        Assert.Equal(Enumerable.Range(0, 20).Select(p => $"phone-{p}").Order(),
            order["pending"]!.AsArray().Select(l => l!["diner"].Text()).Order());
        var open = await (await Api.Staff().GetAsync("/orders?status=open&limit=500")).ReadJsonArrayAsync();
        Assert.Single(open, o => o!["table"].Text() == table);
    }

    private async Task<System.Text.Json.Nodes.JsonNode?> TableOrderAsync(string table) =>
        (await (await Api.Staff().GetAsync("/tables")).ReadJsonArrayAsync()).Single(t => t!["id"].Text() == table)!["order"];
}
