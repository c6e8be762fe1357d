using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Restaurant.Benchmarks;

/// <summary>The calls the benches make, each one HTTP round trip; a non-2xx answer throws with its problem body.</summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Creates the table as staff (or finds it) and returns its code, which a diner's phone reads from the table.</summary>
    public async Task<string> SetUpTableAsync(string table, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/tables/{table}") { Content = JsonContent.Create(new { }) };
        return (await SendAsync<TableCode>(request, ServerProcess.StaffKey, ct)).Code;
    }

    /// <summary>Opens the table's order (or joins it) as a diner with the table's code.</summary>
    public Task<OpenedOrder> OpenOrderAsync(string table, string? code, CancellationToken ct) =>
        PostAsync<OpenedOrder>("/orders", null, new { table, code }, ct);

    /// <summary>Sets the table up and opens its order: two round trips, for orders made outside any timing.</summary>
    public async Task<OpenedOrder> OpenTableAsync(string table, CancellationToken ct) =>
        await OpenOrderAsync(table, await SetUpTableAsync(table, ct), ct);

    public Task<JsonElement> AddAsync(string orderId, string token, IEnumerable<NewLine> lines, CancellationToken ct) =>
        PostAsync<JsonElement>($"/orders/{orderId}/items", token, new { add = lines }, ct);

    public Task<JsonElement> SubmitAsync(string orderId, string token, CancellationToken ct) =>
        PostAsync<JsonElement>($"/orders/{orderId}/submit", token, null, ct);

    public Task<Bill> BillAsync(string orderId, string token, CancellationToken ct) =>
        PostAsync<Bill>($"/orders/{orderId}/bill", token, null, ct);

    public async Task<JsonElement> GetOrderAsync(string orderId, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{orderId}");
        return await SendAsync<JsonElement>(request, token, ct);
    }

    /// <summary>Pays the whole balance in one call: cash (staff only) or card tenders of about equal amounts.</summary>
    public async Task<PaymentResult> PayAsync(string orderId, string token, decimal total, int tenders, string method, CancellationToken ct)
    {
        var amounts = SplitIntoCents(total, tenders);
        var payments = method == "cash"
            ? amounts.Select(amount => (object)new { amount, paymentMethod = "cash" })
            : amounts.Select(amount => (object)new { amount, paymentMethod = "credit_card", cardToken = "pm_card_visa" });
        var result = await PostAsync<PaymentResult>($"/payments/{orderId}", token, new { orderId, total, payments }, ct);
        return result.Status == "paid" ? result : throw new InvalidOperationException($"Order {orderId} is {result.Status} after paying.");
    }

    /// <summary>Submit, bill and pay cash with the staff key: an order that is full is closed this way.</summary>
    public async Task CloseAsync(string orderId, CancellationToken ct)
    {
        await SubmitAsync(orderId, ServerProcess.StaffKey, ct);
        var bill = await BillAsync(orderId, ServerProcess.StaffKey, ct);
        await PayAsync(orderId, ServerProcess.StaffKey, bill.Total, 1, "cash", ct);
    }

    /// <summary>Amounts in whole cents, about equal, adding up to <paramref name="total"/> exactly.</summary>
    public static IReadOnlyList<decimal> SplitIntoCents(decimal total, int parts)
    {
        var cents = (long)(total * 100);
        var share = cents / parts;
        return [.. Enumerable.Repeat(share / 100m, parts - 1), (cents - share * (parts - 1)) / 100m];
    }

    private async Task<T> PostAsync<T>(string path, string? token, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        return await SendAsync<T>(request, token, ct);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, string? token, CancellationToken ct)
    {
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        var result = await response.Content.ReadFromJsonAsync<T>(Json, ct);
        return result ?? throw new InvalidOperationException($"{request.RequestUri} answered an empty body.");
    }
}

public sealed record OpenedOrder(string Id, string AccessToken);

public sealed record TableCode(string Code);

/// <param name="Options">Option ids of the item's groups; the default menu's burger needs its doneness.</param>
public sealed record NewLine(string MenuItemId, int Quantity, string? Diner = null, IReadOnlyList<string>? Options = null);

public sealed record Bill(decimal Total);

public sealed record PaymentResult(string Status);
