using System.Net;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// Every text field refuses control characters and bidirectional overrides with a 400 naming the field, on whichever
/// database the suite runs (PostgreSQL once answered a NUL with a 500), and nothing is written.
/// </summary>
public sealed class TextInputTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    /// <summary>JSON escapes of refused characters: NUL, the last C0 control, DEL, an override and an isolate.</summary>
    public static TheoryData<string> Refused() => new(@"\u0000", @"\u001f", @"\u007f", @"\u202e", @"\u2066", @"\n");

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_note_with_a_refused_character_is_refused_naming_the_note(string refused)
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("note"));

        var response = await session.Client.PostRawAsync($"/orders/{session.OrderId}/items",
            $$"""{"add":[{"menuItemId":"tea","quantity":1,"note":"no sugar{{refused}}"}]}""");

        Assert.Equal(["add[0].note"], await response.AssertValidationProblemAsync());
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_diner_name_with_a_refused_character_is_refused_naming_the_diner(string refused)
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("diner"));

        var response = await session.Client.PostRawAsync($"/orders/{session.OrderId}/items",
            $$"""{"add":[{"menuItemId":"tea","quantity":1},{"menuItemId":"soda","quantity":1,"diner":"{{refused}}Jane"}]}""");

        Assert.Equal(["add[1].diner"], await response.AssertValidationProblemAsync());
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"add":[{"menuItemId":"te\u0000a","quantity":1}]}""", "add[0].menuItemId")]
    [InlineData("""{"remove":["line\u0000"]}""", "remove[0]")]
    [InlineData("""{"remove":["\u202eenil"]}""", "remove[0]")]
    public async Task Ids_in_an_item_change_are_refused_naming_the_field(string body, string field)
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("ids"));

        var response = await session.Client.PostRawAsync($"/orders/{session.OrderId}/items", body);

        Assert.Equal([field], await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData(@"\u0000")]
    [InlineData(@"\u202e")]
    public async Task A_table_with_a_refused_character_is_refused_naming_the_table(string refused)
    {
        var response = await Api.Anonymous().PostRawAsync("/orders", $$"""{"table":"t{{refused}}1"}""");

        Assert.Equal(["table"], await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData("items", "name", @"Cof\u0000fee")]
    [InlineData("items", "category", @"drinks\u202e")]
    [InlineData("items", "id", @"coffee\u0000")]
    [InlineData("bundles", "name", @"Omelet\u2067 & Coffee")]
    [InlineData("bundles", "id", @"omelet-coffee\u0000")]
    public async Task A_menu_with_a_refused_character_is_refused_naming_the_field_and_the_menu_stays(string list, string field, string escaped)
    {
        var before = await StaffMenu.CurrentAsync(Api);
        var body = StaffMenu.Changed(before, menu =>
        {
            menu.Remove("effectiveFrom");
            StaffMenu.Find(menu[list], list == "items" ? "coffee" : "omelet-coffee")[field] = "PLACEHOLDER";
        });
        var index = body[list]!.AsArray().IndexOf(body[list]!.AsArray().Single(x => x![field].Text() == "PLACEHOLDER"));

        var response = await Api.Staff().PutRawAsync("/menu", body.ToJsonString().Replace("PLACEHOLDER", escaped));

        Assert.Contains($"{list}[{index}].{field}", await response.AssertValidationProblemAsync());
        var after = await StaffMenu.CurrentAsync(Api);
        Assert.Equal(before["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
        var session = await TableSession.OpenAsync(Api, Tables.Unique("after"));
        Assert.Equal(HttpStatusCode.OK, (await session.AddAsync(TableSession.Item("coffee"))).StatusCode);
    }

    [Theory]
    [InlineData(@"pm_card_visa\u0000")]
    [InlineData(@"\u202epm_card_visa")]
    public async Task A_card_token_with_a_refused_character_is_refused_naming_the_token(string escaped)
    {
        var session = await TableSession.BilledAsync(Api, "token", TableSession.Item("tea"));

        var response = await session.Client.PostRawAsync($"/payments/{session.OrderId}",
            $$"""{"orderId":"{{session.OrderId}}","total":2.5,"payments":[{"amount":2.5,"paymentMethod":"credit_card","cardToken":"{{escaped}}"}]}""");

        Assert.Contains("payments[0].cardToken", await response.AssertValidationProblemAsync());
        Assert.Empty((await session.GetAsync())["payments"]!.AsArray());
    }

    [Fact]
    public async Task Text_in_any_script_with_accents_and_emoji_is_kept_exactly()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("unicode"));
        const string note = "Crème brûlée, شاي بالنعناع, no 🌶️ — «merci»";
        const string diner = "Zoë 李";

        var view = await (await session.AddAsync(TableSession.Item("cake", diner: diner, note: note))).ReadOkJsonAsync();

        var line = (await session.GetAsync())["pending"]!.AsArray().Single()!;
        Assert.Equal(note, line["note"].Text());
        Assert.Equal(diner, line["diner"].Text());
        Assert.Equal(note, view["pending"]![0]!["note"].Text());
    }
}
