using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.StaffActions;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Kitchen;

/// <summary>
/// A service from the order to the bill: two diners order with options and courses, the waiter holds the dessert, the
/// bar and the kitchen see their own lines and bump them, a burger is voided with a reason, the dessert is fired, a
/// coffee comped, and the bill pays the options on top of the bundle and the comp at zero.
/// </summary>
public sealed class WaitersFlowTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task A_waiter_takes_an_order_with_options_holds_fires_voids_and_comps_and_the_bill_follows()
    {
        var table = await OpenAsync(Api, Tables.Unique("flow"));
        var waiter = Api.Staff();
        var before = (await KitchenTicketsAsync(Api)).Select(t => t["sequence"]!.GetValue<long>()).DefaultIfEmpty(0).Max();

        // The diners order; the waiter adds the dessert, held until the mains are done.
        var ordered = await (await table.AddAsync(
            Item("burger", 2, "Ann", options: ["medium", "cheese"]), Item("fries", diner: "Ann"), Item("soda", diner: "Ann"),
            Item("coffee", diner: "Ben", options: ["oat"]), Item("salad", diner: "Ben", note: "no croutons"))).ReadOkJsonAsync();
        var held = await (await waiter.PostJsonAsync($"/orders/{table.OrderId}/items",
            new { add = new[] { Item("cake", diner: "Ben", hold: true) } })).ReadOkJsonAsync();
        var (burger, fries, soda, coffee, salad) = Ids(ordered["pending"]!);
        var cake = Assert.Single(held["held"]!.AsArray())!["lineId"].Text();
        var burgerLine = ordered["pending"]![0]!;
        Assert.Equal(13.00m, burgerLine["unitPrice"].Money());
        Assert.Equal(["doneness:medium:Medium:0", "extras:cheese:Cheese:1"], burgerLine["options"]!.AsArray()
            .Select(o => $"{o!["groupId"].Text()}:{o["optionId"].Text()}:{o["name"].Text()}:{o["price"].Money():0.##}"));
        Assert.Equal((2, "kitchen", "pending"), (burgerLine["course"]!.GetValue<int>(), burgerLine["station"].Text(), burgerLine["status"].Text()));
        Assert.Equal(["gluten", "sesame"], burgerLine["allergens"]!.AsArray().Select(a => a.Text()));
        Assert.Equal("held", held["held"]![0]!["status"].Text());

        // Submit sends all but the held cake; the bar and the kitchen each see only their lines.
        var first = (await (await table.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
        Assert.Equal((1, "order"), (first["number"]!.GetValue<int>(), first["kind"].Text()));
        Assert.Equal([burger, fries, soda, coffee, salad], LineIds(first));
        var bar = (await KitchenTicketsAsync(Api, before, "bar")).Of(table, 1);
        var kitchen = (await KitchenTicketsAsync(Api, before, "kitchen")).Of(table, 1);
        Assert.Equal([soda, coffee], LineIds(bar));
        Assert.Equal([burger, fries, salad], LineIds(kitchen));
        Assert.Equal(["vegan"], kitchen["lines"]![2]!["dietary"]!.AsArray().Select(d => d.Text()));
        var sequence = bar["sequence"]!.GetValue<long>();

        // The bar serves its drinks; the kitchen starts the rest.
        var drinks = await (await BumpAsync(Api, sequence, "served", soda, coffee)).ReadOkJsonAsync();
        var rest = await (await BumpAsync(Api, sequence, "preparing")).ReadOkJsonAsync();
        Assert.Equal(["sent", "sent", "served", "served", "sent"], drinks["lines"]!.AsArray().Select(l => l!["status"].Text()));
        Assert.Equal(["preparing", "preparing", "served", "served", "preparing"], rest["lines"]!.AsArray().Select(l => l!["status"].Text()));

        // Ann cannot finish: one of her two burgers is voided, and the kitchen gets a void ticket in its sequence.
        var afterVoid = await (await table.VoidAsync("Ann is full", Units(burger, 1))).ReadOkJsonAsync();
        var voidTicket = afterVoid["tickets"]![1]!;
        Assert.Equal((2, "void"), (voidTicket["number"]!.GetValue<int>(), voidTicket["kind"].Text()));
        var voided = Assert.Single(voidTicket["lines"]!.AsArray())!;
        Assert.Equal((1, "voided", "Ann is full"), (voided["quantity"]!.GetValue<int>(), voided["status"].Text(), voided["void"]!["reason"].Text()));
        Assert.StartsWith("staff:", voided["void"]!["by"].Text());
        Assert.DoesNotContain(RestaurantApi.StaffKey, voided["void"]!["by"].Text());
        Assert.Equal(1, LineOf(afterVoid, burger)["quantity"]!.GetValue<int>());
        var kitchenVoid = (await KitchenTicketsAsync(Api, sequence)).Of(table, 2);
        Assert.Equal("void", kitchenVoid["kind"].Text());
        Assert.Equal([voided["lineId"].Text()], LineIds(kitchenVoid));

        // The mains go out; the dessert is fired as the next ticket; the coffee was cold, so it is comped.
        await (await BumpAsync(Api, sequence, "served")).ReadOkJsonAsync();
        var fired = (await (await table.FireAsync()).ReadOkJsonAsync(HttpStatusCode.Created))["ticket"]!;
        Assert.Equal((3, "order"), (fired["number"]!.GetValue<int>(), fired["kind"].Text()));
        Assert.Equal([cake], LineIds(fired));
        var comped = await (await table.CompAsync("cold coffee", coffee)).ReadOkJsonAsync();
        Assert.Equal("cold coffee", LineOf(comped, coffee)["comp"]!["reason"].Text());

        // The diners see every line's status.
        var seen = await table.GetAsync();
        Assert.Empty(seen["held"]!.AsArray());
        Assert.Equal(["served", "served", "served", "served", "served", "voided"],
            seen["tickets"]![0]!["lines"]!.AsArray().Select(l => l!["status"].Text()));
        Assert.Equal("sent", LineOf(seen, cake)["status"].Text());

        // The bill: the burger meal bundles burger, fries and soda by their items; the cheese is paid on top; the
        // coffee is on the bill at zero; the voided burger is gone.
        var bill = await (await table.BillAsync()).ReadOkJsonAsync();
        Assert.Equal((37.50m, 3.50m, 2.50m, 31.50m), (bill["subtotal"].Money(), bill["comps"].Money(), bill["savings"].Money(), bill["total"].Money()));
        var meal = Assert.Single(bill["bundles"]!.AsArray())!;
        Assert.Equal(("burger-meal", 18.50m), (meal["bundleId"].Text(), meal["listPrice"].Money()));
        Assert.Equal(["burger 1 x 13 comped=false", "cake 1 x 6.5 comped=false", "coffee 1 x 3.5 comped=true", "fries 1 x 4 comped=false",
            "salad 1 x 8 comped=false", "soda 1 x 2.5 comped=false"], bill["items"]!.AsArray()
            .Select(i => $"{i!["menuItemId"].Text()} {i["quantity"]} x {i["unitPrice"].Money():0.##} comped={i["comped"]!.GetValue<bool>().ToString().ToLowerInvariant()}"));
        Assert.Equal(["medium", "cheese"], bill["items"]![0]!["options"]!.AsArray().Select(o => o!["optionId"].Text()));
        Assert.Equal([("Ann", 17.00m), ("Ben", 14.50m)], bill["shares"]!.AsArray().Select(s => (s!["diner"].Text(), s["amount"].Money())));

        // After the bill nothing is voided or comped any more, but the kitchen still bumps the dessert.
        await (await table.VoidAsync("too late", Units(cake))).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
        await (await table.CompAsync("too late", cake)).AssertProblemAsync(HttpStatusCode.Conflict, "order_billed");
        var dessert = (await KitchenTicketsAsync(Api, sequence)).Of(table, 3);
        Assert.Equal("served", (await (await BumpAsync(Api, dessert["sequence"]!.GetValue<long>(), "served")).ReadOkJsonAsync())["lines"]![0]!["status"].Text());
    }

    private static (string, string, string, string, string) Ids(JsonNode lines)
    {
        var ids = lines.AsArray().Select(l => l!["lineId"].Text()).ToArray();
        Assert.Equal(5, ids.Length);
        return (ids[0], ids[1], ids[2], ids[3], ids[4]);
    }
}
