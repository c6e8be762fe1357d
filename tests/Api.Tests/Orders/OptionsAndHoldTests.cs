using System.Net;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Orders;

/// <summary>POST /orders/{id}/items with options, courses and holds, and POST /orders/{id}/fire.</summary>
public sealed class OptionsAndHoldTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task An_option_the_item_does_not_have_is_400_unknown_option_and_adds_nothing()
    {
        var table = await OpenAsync(Api, Tables.Unique("unknown"));

        var problem = await (await table.AddAsync(Item("tea"), Item("coffee", options: ["oat", "cream"])))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_option");

        Assert.Contains("cream", problem["detail"].Text());
        Assert.True(problem["errors"]!.AsObject().ContainsKey("add[1].options"));
        Assert.Empty((await table.GetAsync())["pending"]!.AsArray());
    }

    [Fact]
    public async Task A_required_group_left_out_is_400_invalid_options_naming_the_group()
    {
        var table = await OpenAsync(Api, Tables.Unique("requir"));

        var problem = await (await table.AddAsync(Item("burger", options: ["cheese"]))).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_options");

        Assert.Equal("doneness", problem["group"].Text());
        Assert.True(problem["errors"]!.AsObject().ContainsKey("add[0].options"));
    }

    [Fact]
    public async Task Too_many_options_in_a_group_are_400_invalid_options_naming_the_group()
    {
        var table = await OpenAsync(Api, Tables.Unique("toomany"));

        var problem = await (await table.AddAsync(Item("coffee", options: ["oat", "soy"]))).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_options");

        Assert.Equal("milk", problem["group"].Text());
    }

    [Fact]
    public async Task A_course_given_with_the_line_replaces_the_items_and_an_invalid_one_is_400()
    {
        var table = await OpenAsync(Api, Tables.Unique("course"));

        var order = await (await table.AddAsync(Item("soup", course: 2), Item("tea"))).ReadOkJsonAsync();

        Assert.Equal([2, 1], order["pending"]!.AsArray().Select(l => l!["course"]!.GetValue<int>()));
        Assert.Contains("add[0].course", await (await table.AddAsync(Item("soup", course: 0))).AssertValidationProblemAsync());
    }

    [Fact]
    public async Task Only_staff_may_hold_a_line()
    {
        var table = await OpenAsync(Api, Tables.Unique("hold"));

        await (await table.AddAsync(Item("cake", hold: true))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var order = await table.GetAsync();
        Assert.Empty(order["pending"]!.AsArray());
        Assert.Empty(order["held"]!.AsArray());
    }

    [Fact]
    public async Task Held_lines_stay_back_from_submit_until_fired_by_course()
    {
        var table = await OpenAsync(Api, Tables.Unique("fire"));
        await Api.Staff().PostJsonAsync($"/orders/{table.OrderId}/items",
            new { add = new[] { Item("soup"), Item("burger", hold: true), Item("cake", hold: true) } });

        var submitted = (await (await table.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
        var mains = (await (await table.FireAsync(course: 2)).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
        var order = await table.GetAsync();

        Assert.Equal(["soup"], submitted["lines"]!.AsArray().Select(l => l!["menuItemId"].Text()));
        Assert.Equal((2, "burger"), (mains["number"]!.GetValue<int>(), mains["lines"]![0]!["menuItemId"].Text()));
        Assert.Equal(["cake"], order["held"]!.AsArray().Select(l => l!["menuItemId"].Text()));
        await (await table.BillAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "pending_items");
        Assert.Equal(3, (await (await table.FireAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fire_with_nothing_held_is_200_without_a_ticket_and_takes_no_body()
    {
        var table = await OpenAsync(Api, Tables.Unique("nofire"));

        var answer = await (await Api.Staff().PostAsync($"/orders/{table.OrderId}/fire", null)).ReadOkJsonAsync();

        Assert.True(answer.ContainsKey("ticket"));
        Assert.Null(answer["ticket"]);
    }

    [Fact]
    public async Task Only_staff_may_fire()
    {
        var table = await OpenAsync(Api, Tables.Unique("dinfire"));

        await (await table.Client.PostAsync($"/orders/{table.OrderId}/fire", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_fire_of_a_course_outside_1_to_20_is_a_validation_failure()
    {
        var table = await OpenAsync(Api, Tables.Unique("badfire"));

        Assert.Contains("course", await (await table.FireAsync(course: 21)).AssertValidationProblemAsync());
    }

    [Fact]
    public async Task An_86d_option_is_409_item_unavailable_until_it_is_back()
    {
        var table = await OpenAsync(Api, Tables.Unique("no86"));
        try
        {
            var item = await (await Api.Staff().PutJsonAsync("/menu/items/burger/options/bacon/availability", new { available = false })).ReadOkJsonAsync();
            Assert.True(item["available"]!.GetValue<bool>());
            Assert.False(item["optionGroups"]![1]!["options"]![1]!["available"]!.GetValue<bool>());

            var problem = await (await table.AddAsync(Item("burger", options: ["rare", "bacon"]))).AssertProblemAsync(HttpStatusCode.Conflict, "item_unavailable");
            Assert.Contains("Bacon", problem["detail"].Text());
            Assert.Equal(HttpStatusCode.OK, (await table.AddAsync(Item("burger", options: ["rare", "egg"]))).StatusCode);
        }
        finally
        {
            await (await Api.Staff().PutJsonAsync("/menu/items/burger/options/bacon/availability", new { available = true })).ReadOkJsonAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await table.AddAsync(Item("burger", options: ["rare", "bacon"]))).StatusCode);
    }

    [Fact]
    public async Task Availability_of_an_option_the_item_does_not_have_is_400_unknown_option()
    {
        var response = await Api.Staff().PutJsonAsync("/menu/items/tea/options/oat/availability", new { available = false });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_option");
    }
}
