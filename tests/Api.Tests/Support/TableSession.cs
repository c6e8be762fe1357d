using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

/// <summary>One table's order as its diners see it: opened over HTTP, then driven with the order's own token.</summary>
public sealed class TableSession
{
    private TableSession(RestaurantApi api, string orderId, string token)
    {
        Api = api;
        OrderId = orderId;
        Token = token;
        Client = api.WithToken(token);
    }

    public RestaurantApi Api { get; }
    public string OrderId { get; }
    public string Token { get; }
    public HttpClient Client { get; }

    /// <summary>Sets <paramref name="table"/> up as staff, then opens its order as a diner with the table's code.</summary>
    public static async Task<TableSession> OpenAsync(RestaurantApi api, string table, int? guests = null, string? diner = null)
    {
        var code = await Floor.SetUpAsync(api, table);
        var response = await api.Anonymous().PostAsJsonAsync("/orders", new { table, code, guests, diner });
        var body = await response.ReadOkJsonAsync(HttpStatusCode.Created);
        return new TableSession(api, body["id"]!.GetValue<string>(), body["accessToken"]!.GetValue<string>());
    }

    /// <summary>Another phone at the same table: it joins the order with the table's code and gets a token of its own.</summary>
    public async Task<TableSession> JoinAsync(string? diner = null)
    {
        var table = (await GetAsync())["table"]!.GetValue<string>();
        var code = await Floor.SetUpAsync(Api, table);
        var response = await Api.Anonymous().PostAsJsonAsync("/orders", new { table, code, diner });
        var body = await response.ReadOkJsonAsync();
        Assert.Equal(OrderId, body["id"]!.GetValue<string>());
        return new TableSession(Api, OrderId, body["accessToken"]!.GetValue<string>());
    }

    public Task<HttpResponseMessage> AddAsync(params object[] additions) =>
        Client.PostAsJsonAsync($"/orders/{OrderId}/items", new { add = additions });

    public Task<HttpResponseMessage> ChangeAsync(object body) => Client.PostAsJsonAsync($"/orders/{OrderId}/items", body);

    public Task<HttpResponseMessage> SubmitAsync() => Client.PostAsync($"/orders/{OrderId}/submit", null);

    public Task<HttpResponseMessage> BillAsync() => Client.PostAsync($"/orders/{OrderId}/bill", null);

    /// <summary>A table that ordered <paramref name="items"/>, sent them to the kitchen and asked for the bill.</summary>
    public static async Task<TableSession> BilledAsync(RestaurantApi api, string tablePrefix, params object[] items)
    {
        var session = await OpenAsync(api, Tables.Unique(tablePrefix));
        Assert.Equal(HttpStatusCode.OK, (await session.AddAsync(items)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await session.SubmitAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.BillAsync()).StatusCode);
        return session;
    }

    public Task<HttpResponseMessage> PayAsync(decimal total, params object[] tenders) => PayAsync(Client, total, tenders);

    /// <summary>Pays as <paramref name="caller"/> (staff, or another order's diner) rather than as this table.</summary>
    public Task<HttpResponseMessage> PayAsync(HttpClient caller, decimal total, params object[] tenders) =>
        caller.PostAsJsonAsync($"/payments/{OrderId}", new { orderId = OrderId, total, payments = tenders });

    public static object Card(decimal amount, string cardToken = "pm_card_visa", decimal? tip = null) =>
        new { amount, paymentMethod = "credit_card", cardToken, tip };

    public static object Cash(decimal amount) => new { amount, paymentMethod = "cash" };

    public async Task<JsonObject> GetAsync()
    {
        var response = await Client.GetAsync($"/orders/{OrderId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>
    /// A line to add. Without <paramref name="options"/>, an item whose default-menu groups require a choice gets the
    /// first one (a burger is cooked medium, <see cref="OrderHistory.RequiredOptions"/>), so a test about something else
    /// can order it as a diner would.
    /// </summary>
    public static object Item(string menuItemId, int quantity = 1, string? diner = null, string? note = null,
        string[]? options = null, int? course = null, bool? hold = null) =>
        new { menuItemId, quantity, diner, note, options = options ?? OrderHistory.RequiredOptions(menuItemId), course, hold };
}
