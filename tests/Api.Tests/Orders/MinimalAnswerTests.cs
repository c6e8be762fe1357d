using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Orders;

/// <summary>POST /orders/{id}/items with <c>Prefer: return=minimal</c>: only what the call did, on either database.</summary>
public sealed class MinimalAnswerTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private static async Task<HttpResponseMessage> ChangeAsync(TableSession session, object body, string prefer = "return=minimal", string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/orders/{session.OrderId}/items") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Prefer", prefer);
        if (key is not null) request.Headers.Add(IdempotencyStore.Header, key);
        return await session.Client.SendAsync(request);
    }

    private static string? Applied(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Preference-Applied", out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task A_minimal_addition_answers_its_lines_the_new_version_and_the_orders_counts()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("min"));
        await session.AddAsync(TableSession.Item("soup", 2));

        var response = await ChangeAsync(session, new { add = new[] { TableSession.Item("burger", 3, "Max", "medium rare"), TableSession.Item("tea") } });

        Assert.Equal("return=minimal", Applied(response));
        var change = await response.ReadOkJsonAsync();
        var order = await session.GetAsync();
        Assert.Equal(session.OrderId, change["orderId"].Text());
        Assert.Equal(order["version"]!.GetValue<long>(), change["version"]!.GetValue<long>());
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. order["pending"]!.AsArray().Skip(1).Select(l => l!.DeepClone())]), change["added"]));
        Assert.Empty(change["removed"]!.AsArray());
        Assert.Equal(6, change["units"]!.GetValue<int>());
        Assert.Equal(3, change["pending"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_minimal_removal_names_the_removed_lines_and_counts_what_is_left()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("minrm"));
        var order = await (await session.AddAsync(TableSession.Item("soup"), TableSession.Item("salad", 2), TableSession.Item("cake"))).ReadOkJsonAsync();
        var salad = order["pending"]![1]!["lineId"].Text();

        var change = await (await ChangeAsync(session, new { remove = new[] { salad } })).ReadOkJsonAsync();

        Assert.Equal([salad], change["removed"]!.AsArray().Select(id => id.Text()));
        Assert.Empty(change["added"]!.AsArray());
        Assert.Equal(2, change["units"]!.GetValue<int>());
        Assert.Equal(2, change["pending"]!.GetValue<int>());
        Assert.Equal(["soup", "cake"], (await session.GetAsync())["pending"]!.AsArray().Select(l => l!["menuItemId"].Text()));
    }

    [Fact]
    public async Task Lines_sent_to_the_kitchen_leave_the_pending_count_but_not_the_units()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("minsent"));
        await session.AddAsync(TableSession.Item("soup", 2), TableSession.Item("tea"));
        Assert.Equal(HttpStatusCode.Created, (await session.SubmitAsync()).StatusCode);

        var change = await (await ChangeAsync(session, new { add = new[] { TableSession.Item("cake") } })).ReadOkJsonAsync();

        Assert.Equal(4, change["units"]!.GetValue<int>());
        Assert.Equal(1, change["pending"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("respond-async, return=minimal")]
    [InlineData("RETURN=\"minimal\"; foo=bar")]
    public async Task The_preference_is_found_among_others_and_in_any_case(string prefer)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("minprs"));

        var response = await ChangeAsync(session, new { add = new[] { TableSession.Item("tea") } }, prefer);

        Assert.Equal("return=minimal", Applied(response));
        Assert.NotNull((await response.ReadOkJsonAsync())["added"]);
    }

    [Theory]
    [InlineData("return=representation")]
    [InlineData("respond-async")]
    public async Task Any_other_preference_gets_the_whole_order_and_no_preference_applied(string prefer)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("minfull"));

        var response = await ChangeAsync(session, new { add = new[] { TableSession.Item("tea") } }, prefer);

        Assert.Null(Applied(response));
        Assert.True(JsonNode.DeepEquals(await response.ReadOkJsonAsync(), await session.GetAsync()));
    }

    [Fact]
    public async Task The_whole_answer_is_the_order_as_it_is_read_with_its_discounts()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("mindisc"));
        await session.AddAsync(TableSession.Item("soup", 2));
        Assert.True((await session.DiscountAsync("percent", 10, "regulars")).IsSuccessStatusCode);

        var answer = await (await session.AddAsync(TableSession.Item("tea"))).ReadOkJsonAsync();

        Assert.Single(answer["discounts"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(answer, await session.GetAsync()));
    }

    [Fact]
    public async Task A_replayed_minimal_answer_is_the_first_one_and_says_its_preference_was_applied()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("minkey"));
        var key = Guid.NewGuid().ToString();
        var body = new { add = new[] { TableSession.Item("tea") } };
        var first = await ChangeAsync(session, body, key: key);

        var replay = await ChangeAsync(session, body, key: key);

        Assert.Equal("return=minimal", Applied(replay));
        Assert.True(JsonNode.DeepEquals(await first.ReadOkJsonAsync(), await replay.ReadOkJsonAsync()));
        Assert.Single((await session.GetAsync())["pending"]!.AsArray());
    }

    [Fact]
    public async Task A_minimal_removal_of_another_orders_line_is_an_unknown_line_and_changes_neither_order()
    {
        var mine = await TableSession.OpenAsync(fixture.Api, Tables.Unique("minmine"));
        var theirs = await TableSession.OpenAsync(fixture.Api, Tables.Unique("minthr"));
        var theirLine = (await (await theirs.AddAsync(TableSession.Item("soup"))).ReadOkJsonAsync())["pending"]![0]!["lineId"].Text();
        var before = await mine.GetAsync();

        var response = await ChangeAsync(mine, new { add = new[] { TableSession.Item("tea") }, remove = new[] { theirLine } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_line");
        Assert.True(JsonNode.DeepEquals(before, await mine.GetAsync()));
        Assert.Single((await theirs.GetAsync())["pending"]!.AsArray());
    }
}
