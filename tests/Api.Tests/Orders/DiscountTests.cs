using System.Net;
using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Orders;

/// <summary>POST and DELETE /orders/{id}/discounts: staff only, with a reason, before the bill; the bill applies them.</summary>
public sealed class DiscountTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    /// <summary>A table whose <paramref name="items"/> went to the kitchen.</summary>
    private async Task<TableSession> SentAsync(string prefix, params object[] items)
    {
        var table = await OpenAsync(Api, Tables.Unique(prefix));
        await (await table.AddAsync(items)).ReadOkJsonAsync();
        Assert.Equal(HttpStatusCode.Created, (await table.SubmitAsync()).StatusCode);
        return table;
    }

    [Fact]
    public async Task A_discount_is_answered_201_and_kept_with_who_gave_it()
    {
        var table = await SentAsync("give", Item("soup"));

        var discount = await (await table.DiscountAsync("percent", 10m, "happy hour")).ReadOkJsonAsync(HttpStatusCode.Created);

        Assert.Equal(("percent", 10m, "happy hour"), (discount["kind"].Text(), discount["value"].Money(), discount["reason"].Text()));
        Assert.Matches("^staff:[0-9a-f]{16}$", discount["by"].Text());
        var listed = Assert.Single((await table.GetAsync())["discounts"]!.AsArray());
        Assert.Equal(discount["discountId"].Text(), listed!["discountId"].Text());
    }

    [Fact]
    public async Task The_bill_takes_percentages_first_then_amounts_and_lists_each()
    {
        // Salad & Juice (10.00) + soup (6.00) = 16.00; 25% off is 4.00, then 5.00 off: 7.00.
        var table = await SentAsync("bill", Item("salad"), Item("juice"), Item("soup"));
        var amount = await (await table.DiscountAsync("amount", 5m, "sent back")).ReadOkJsonAsync(HttpStatusCode.Created);
        var percent = await (await table.DiscountAsync("percent", 25m, "happy hour")).ReadOkJsonAsync(HttpStatusCode.Created);

        var bill = await (await table.BillAsync()).ReadOkJsonAsync();

        Assert.Equal((18m, 2m, 9m, 7m), (bill["subtotal"].Money(), bill["savings"].Money(), bill["discount"].Money(), bill["total"].Money()));
        Assert.Equal([percent["discountId"].Text(), amount["discountId"].Text()],
            bill["discounts"]!.AsArray().Select(d => d!["discountId"].Text()));
        Assert.Equal([4m, 5m], bill["discounts"]!.AsArray().Select(d => d!["amount"].Money()));
        Assert.Equal(7m, bill["shares"]!.AsArray().Sum(s => s!["amount"].Money()));
    }

    [Fact]
    public async Task A_discount_larger_than_the_bill_brings_it_to_zero()
    {
        var table = await SentAsync("zero", Item("tea"));
        await (await table.DiscountAsync("amount", 100m, "birthday")).ReadOkJsonAsync(HttpStatusCode.Created);

        var bill = await (await table.BillAsync()).ReadOkJsonAsync();

        Assert.Equal((2.5m, 0m), (bill["discount"].Money(), bill["total"].Money()));
    }

    [Fact]
    public async Task A_removed_discount_is_answered_204_and_leaves_the_bill()
    {
        var table = await SentAsync("remove", Item("soup"));
        var discount = await (await table.DiscountAsync("amount", 1m)).ReadOkJsonAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await table.RemoveDiscountAsync(discount["discountId"].Text())).StatusCode);

        Assert.Empty((await table.GetAsync())["discounts"]!.AsArray());
        Assert.Equal(6m, (await (await table.BillAsync()).ReadOkJsonAsync())["total"].Money());
    }

    [Fact]
    public async Task Removing_a_discount_the_order_does_not_have_is_404()
    {
        var table = await SentAsync("missing", Item("soup"));
        await (await table.RemoveDiscountAsync("no-such-discount")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_discount_after_the_bill_is_409_order_billed()
    {
        var table = await SentAsync("late", Item("soup"));
        await (await table.BillAsync()).ReadOkJsonAsync();

        await (await table.DiscountAsync("percent", 10m)).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
    }

    [Fact]
    public async Task A_diner_may_not_give_a_discount()
    {
        var table = await SentAsync("diner", Item("soup"));
        var response = await table.Client.PostAsJsonAsync($"/orders/{table.OrderId}/discounts", new { kind = "percent", value = 50, reason = "me" });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty((await table.GetAsync())["discounts"]!.AsArray());
    }

    [Theory]
    [InlineData("percent", 0, "why", "value")]
    [InlineData("percent", 100.5, "why", "value")]
    [InlineData("amount", 1.001, "why", "value")]
    [InlineData("fixed", 5, "why", "kind")]
    [InlineData("amount", 5, "", "reason")]
    public async Task A_discount_out_of_shape_is_400_naming_the_field(string kind, double value, string reason, string field)
    {
        var table = await SentAsync("shape", Item("soup"));
        Assert.Contains(field, await (await table.DiscountAsync(kind, (decimal)value, reason)).AssertValidationProblemAsync());
        Assert.Empty((await table.GetAsync())["discounts"]!.AsArray());
    }
}
