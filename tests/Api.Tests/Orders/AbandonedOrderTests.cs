using System.Net;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Orders;

/// <summary>
/// An order nothing was ever sent from is cancelled once it stood Restaurant:AbandonedOrderTimeout (2 hours) without a
/// change, which frees its table. The server's clock is a test clock moved by hand; the sweep looks every 100 ms. To
/// see that a pass ran at the moved time, each test also leaves a control order that must be cancelled by it.
/// </summary>
public sealed class AbandonedOrderTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromHours(2);
    private readonly MutableTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly RestaurantApi _api;

    public AbandonedOrderTests()
    {
        _api = new RestaurantApi(_clock);
        _api.Settings["Restaurant:AbandonedOrderCheckInterval"] = "00:00:00.100";
    }

    [Fact]
    public async Task An_order_idle_for_two_hours_is_cancelled_and_its_table_freed_but_not_a_minute_sooner()
    {
        var control = await OpenAsync(_api, Tables.Unique("ctl"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var table = Tables.Unique("idle");
        var idle = await OpenAsync(_api, table);
        await idle.AddAsync(Item("soup"));

        _clock.Advance(Timeout - TimeSpan.FromMinutes(1));
        await WhenCancelledAsync(control);
        Assert.Equal("open", (await idle.GetAsync())["status"].Text());

        _clock.Advance(TimeSpan.FromMinutes(1));
        await WhenCancelledAsync(idle);
        Assert.Null(await TableOrderAsync(table));
        var next = await Floor.OpenOrJoinAsync(_api.Anonymous(), table, await Floor.SetUpAsync(_api, table));
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        await (await idle.AddAsync(Item("tea"))).AssertProblemAsync(HttpStatusCode.Conflict, "order_cancelled");
    }

    [Fact]
    public async Task Adding_a_line_or_a_diner_joining_starts_the_two_hours_again()
    {
        var added = await OpenAsync(_api, Tables.Unique("added"));
        var joined = await OpenAsync(_api, Tables.Unique("joined"));
        _clock.Advance(TimeSpan.FromMinutes(89));
        var control = await OpenAsync(_api, Tables.Unique("ctl"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await added.AddAsync(Item("cake"));
        await joined.JoinAsync("Late");

        // Three and a half hours after they opened, two hours after the control, an hour and 59 minutes after their change.
        _clock.Advance(Timeout - TimeSpan.FromMinutes(1));
        await WhenCancelledAsync(control);

        Assert.Equal("open", (await added.GetAsync())["status"].Text());
        Assert.Equal("open", (await joined.GetAsync())["status"].Text());
    }

    [Fact]
    public async Task An_order_that_sent_anything_to_the_kitchen_is_never_abandoned()
    {
        var sent = await OpenAsync(_api, Tables.Unique("sent"));
        await sent.AddAsync(Item("burger"));
        await sent.SubmitAsync();
        var control = await OpenAsync(_api, Tables.Unique("ctl"));

        _clock.Advance(TimeSpan.FromHours(5));
        await WhenCancelledAsync(control);

        Assert.Equal("open", (await sent.GetAsync())["status"].Text());
    }

    private static async Task WhenCancelledAsync(TableSession session)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await session.GetAsync())["status"].Text() != "cancelled") await Task.Delay(50, deadline.Token);
    }

    private async Task<JsonNode?> TableOrderAsync(string table) =>
        (await (await _api.Staff().GetAsync("/tables")).ReadJsonArrayAsync()).Single(t => t!["id"].Text() == table)!["order"];

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
