using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// The restaurant's tables as staff set them up (PUT /tables/{id}): a test makes its own table first, then opens its
/// order with the table's code, as a diner who scanned it would.
/// </summary>
public static class Floor
{
    /// <summary>Creates <paramref name="table"/> (or finds it) as staff and returns its current code.</summary>
    public static Task<string> SetUpAsync(RestaurantApi api, string table) => SetUpAsync(api.Staff(), table);

    /// <summary>As <see cref="SetUpAsync(RestaurantApi, string)"/>, through a client that carries a staff key (another process's API).</summary>
    public static async Task<string> SetUpAsync(HttpClient staff, string table)
    {
        var response = await staff.PutAsJsonAsync($"/tables/{table}", new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT /tables/{table}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["code"]!.GetValue<string>();
    }

    /// <summary>POST /orders as a diner with the table's code: opens the table's order or joins it.</summary>
    public static Task<HttpResponseMessage> OpenOrJoinAsync(HttpClient client, string table, string? code, int? guests = null, string? diner = null) =>
        client.PostAsJsonAsync("/orders", new { table, code, guests, diner });

    /// <summary>
    /// <paramref name="phones"/> phones scan the table's code at the same moment (phone i through
    /// <paramref name="clientOf"/>(i), named <c>phone-i</c>) and each opens or joins; their answers, by phone.
    /// </summary>
    public static async Task<HttpResponseMessage[]> ScanAtOnceAsync(Func<int, HttpClient> clientOf, string table, string code, int phones)
    {
        using var start = new ManualResetEventSlim();
        var scans = Enumerable.Range(0, phones).Select(phone => Task.Run(async () =>
        {
            var client = clientOf(phone);
            start.Wait();
            return await OpenOrJoinAsync(client, table, code, diner: $"phone-{phone}");
        })).ToList();
        start.Set();
        return await Task.WhenAll(scans);
    }
}
