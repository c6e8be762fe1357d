using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Menu;

/// <summary>
/// Scheduled menus taking over, on a server whose clock the tests move: no test waits for time to pass. Each test
/// schedules its menu an hour ahead of the server's clock, then moves the clock past it.
/// </summary>
public sealed class ScheduledMenuTests(ClockedApiFixture fixture) : IClassFixture<ClockedApiFixture>
{
    private static readonly TimeSpan Ahead = TimeSpan.FromHours(1);

    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task A_scheduled_menu_takes_over_when_its_time_comes()
    {
        var before = await StaffMenu.CurrentAsync(Api);
        var session = await TableSession.OpenAsync(Api, Tables.Unique("takeovr"));
        var startsAt = fixture.Clock.GetUtcNow() + Ahead;
        var scheduled = await StaffMenu.PutAsync(Api, StaffMenu.Changed(before, menu =>
        {
            menu["effectiveFrom"] = startsAt.ToString("O");
            StaffMenu.Find(menu["items"], "coffee")["price"] = 3.40m;
        }));
        await session.AddAsync(TableSession.Item("coffee", diner: "Early"));
        Assert.Equal(before["version"]!.GetValue<int>(), (await StaffMenu.CurrentAsync(Api))["version"]!.GetValue<int>());

        fixture.Clock.Advance(Ahead + TimeSpan.FromSeconds(1));

        var menu = await StaffMenu.CurrentAsync(Api);
        Assert.Equal(scheduled, menu["version"]!.GetValue<int>());
        Assert.Equal(3.40m, StaffMenu.Find(menu["items"], "coffee")["price"].Money());
        var order = await (await session.AddAsync(TableSession.Item("coffee", diner: "Late"))).ReadOkJsonAsync();
        Assert.Equal([3.00m, 3.40m], order["pending"]!.AsArray().Select(l => l!["unitPrice"].Money()));
    }

    [Fact]
    public async Task An_item_86d_before_its_scheduled_menu_takes_over_stays_86d()
    {
        var before = await StaffMenu.CurrentAsync(Api);
        var session = await TableSession.OpenAsync(Api, Tables.Unique("stay86"));
        var scheduled = await StaffMenu.PutAsync(Api, StaffMenu.Changed(before, menu =>
            menu["effectiveFrom"] = (fixture.Clock.GetUtcNow() + Ahead).ToString("O")));
        try
        {
            await StaffMenu.SetAvailabilityAsync(Api, "pancakes", available: false);
            fixture.Clock.Advance(Ahead + TimeSpan.FromSeconds(1));

            var menu = await StaffMenu.CurrentAsync(Api);
            Assert.Equal(scheduled, menu["version"]!.GetValue<int>());
            Assert.False(StaffMenu.Find(menu["items"], "pancakes")["available"]!.GetValue<bool>());
            await (await session.AddAsync(TableSession.Item("pancakes"))).AssertProblemAsync(HttpStatusCode.Conflict, "item_unavailable");
        }
        finally
        {
            await StaffMenu.SetAvailabilityAsync(Api, "pancakes", available: true);
        }
        Assert.Equal(HttpStatusCode.OK, (await session.AddAsync(TableSession.Item("pancakes"))).StatusCode);
    }

    [Fact]
    public async Task A_bill_uses_the_bundles_of_the_menu_in_effect_when_it_is_billed()
    {
        var before = await StaffMenu.CurrentAsync(Api);
        var session = await TableSession.OpenAsync(Api, Tables.Unique("billlat"));
        await session.AddAsync(TableSession.Item("omelet", diner: "Jane"), TableSession.Item("coffee", diner: "Derek"));
        await session.SubmitAsync();
        await StaffMenu.PutAsync(Api, StaffMenu.Changed(before, menu =>
        {
            menu["effectiveFrom"] = (fixture.Clock.GetUtcNow() + Ahead).ToString("O");
            StaffMenu.Find(menu["bundles"], "omelet-coffee")["price"] = 9.00m;
        }));

        fixture.Clock.Advance(Ahead + TimeSpan.FromSeconds(1));
        var bill = await (await session.BillAsync()).ReadOkJsonAsync();

        // The lines keep the prices they were added at; the bundle is the new menu's.
        Assert.Equal(before["items"]!.AsArray().Where(i => i!["id"].Text() is "omelet" or "coffee").Sum(i => i!["price"].Money()),
            bill["subtotal"].Money());
        var bundle = Assert.Single(bill["bundles"]!.AsArray())!;
        Assert.Equal("omelet-coffee", bundle["bundleId"].Text());
        Assert.Equal(9.00m, bundle["price"].Money());
        Assert.Equal(9.00m, bill["total"].Money());
    }
}
