using System.Net;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// Bodies are read strictly (docs/api.md, Conventions): a number sent as a string and a key sent twice are
/// 400 validation_failed naming the field, and nothing is written.
/// </summary>
public sealed class StrictJsonTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Theory]
    [InlineData("""{"add":[{"menuItemId":"tea","quantity":"2"}]}""", "add[0].quantity")]
    [InlineData("""{"add":[{"menuItemId":"tea","quantity":1},{"menuItemId":"soda","quantity":"1"}]}""", "add[1].quantity")]
    [InlineData("""{"add":[{"menuItemId":"tea","quantity":1,"quantity":3}]}""", "add[0].quantity")]
    [InlineData("""{"add":[{"menuItemId":"tea","quantity":1}],"add":[{"menuItemId":"soda","quantity":1}]}""", "add")]
    [InlineData("""{"add":[{"menuItemId":"tea","menuItemId":"cake","quantity":1}]}""", "add[0].menuItemId")]
    public async Task An_item_change_with_a_quoted_number_or_a_repeated_key_is_refused_and_adds_nothing(string body, string field)
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("strict"));

        var response = await session.Client.PostRawAsync($"/orders/{session.OrderId}/items", body);

        Assert.Equal([field], await response.AssertValidationProblemAsync());
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
    }

    [Fact]
    public async Task A_repeated_table_opens_neither_table()
    {
        var first = Tables.Unique("dup");
        var second = Tables.Unique("dup");

        var response = await Api.Anonymous().PostRawAsync("/orders", $$"""{"table":"{{first}}","table":"{{second}}"}""");

        Assert.Equal(["table"], await response.AssertValidationProblemAsync());
        var open = await (await Api.Staff().GetAsync("/orders?status=open")).ReadJsonArrayAsync();
        Assert.DoesNotContain(open, o => o!["table"].Text() == first || o!["table"].Text() == second);
    }

    [Fact]
    public async Task Guests_sent_as_a_string_are_refused()
    {
        var response = await Api.Anonymous().PostRawAsync("/orders", $$"""{"table":"{{Tables.Unique("guests")}}","guests":"4"}""");

        Assert.Equal(["guests"], await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData("""{"orderId":"ORDER","total":"2.5","payments":[{"amount":2.5,"paymentMethod":"credit_card","cardToken":"pm_card_visa"}]}""", "total")]
    [InlineData("""{"orderId":"ORDER","total":2.5,"payments":[{"amount":"2.5","paymentMethod":"credit_card","cardToken":"pm_card_visa"}]}""", "payments[0].amount")]
    [InlineData("""{"orderId":"ORDER","total":2.5,"payments":[{"amount":2.5,"paymentMethod":"credit_card","cardToken":"pm_card_visa","tip":"1"}]}""", "payments[0].tip")]
    [InlineData("""{"orderId":"ORDER","total":2.5,"total":0.5,"payments":[{"amount":2.5,"paymentMethod":"credit_card","cardToken":"pm_card_visa"}]}""", "total")]
    [InlineData("""{"orderId":"ORDER","total":2.5,"payments":[{"amount":2.5,"amount":0.5,"paymentMethod":"credit_card","cardToken":"pm_card_visa"}]}""", "payments[0].amount")]
    public async Task A_payment_with_a_quoted_number_or_a_repeated_key_is_refused_and_charges_nothing(string body, string field)
    {
        var session = await TableSession.BilledAsync(Api, "spay", TableSession.Item("tea"));

        var response = await session.Client.PostRawAsync($"/payments/{session.OrderId}", body.Replace("ORDER", session.OrderId));

        Assert.Equal([field], await response.AssertValidationProblemAsync());
        Assert.Empty((await session.GetAsync())["payments"]!.AsArray());
    }

    [Fact]
    public async Task A_repeated_key_does_not_hide_card_data_from_the_guard()
    {
        var session = await TableSession.BilledAsync(Api, "dupcard", TableSession.Item("tea"));

        var response = await session.Client.PostRawAsync($"/payments/{session.OrderId}",
            $$"""{"orderId":"{{session.OrderId}}","total":2.5,"payments":[{"amount":2.5,"paymentMethod":"credit_card","cardToken":"pm_card_visa","cardToken":"4242424242424242"}]}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "raw_card_data");
    }

    [Fact]
    public async Task A_price_sent_as_a_string_is_refused_and_the_menu_stays()
    {
        var before = await StaffMenu.CurrentAsync(Api);
        var body = StaffMenu.Changed(before, menu => StaffMenu.Find(menu["items"], "tea")["price"] = "2.75");
        var index = body["items"]!.AsArray().IndexOf(StaffMenu.Find(body["items"], "tea"));

        var response = await Api.Staff().PutJsonAsync("/menu", body);

        Assert.Equal([$"items[{index}].price"], await response.AssertValidationProblemAsync());
        Assert.Equal(before["version"]!.GetValue<int>(), (await StaffMenu.CurrentAsync(Api))["version"]!.GetValue<int>());
    }
}
