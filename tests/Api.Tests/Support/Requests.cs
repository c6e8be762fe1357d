using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

/// <summary>Requests the typed helpers cannot express: raw bodies, idempotency keys, JSON arrays.</summary>
public static class Requests
{
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string? body,
        string? idempotencyKey = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string path, string? body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<JsonArray> ReadJsonArrayAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

    public static async Task<JsonObject> ReadOkJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The field names of a validation problem's <c>errors</c>, after asserting it is one.</summary>
    public static async Task<IReadOnlyList<string>> AssertValidationProblemAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem["errors"]?.AsObject();
        Assert.NotNull(errors);
        Assert.NotEmpty(errors);
        foreach (var (_, messages) in errors)
        {
            Assert.NotEmpty(messages!.AsArray());
            Assert.All(messages.AsArray(), m => Assert.False(string.IsNullOrWhiteSpace(m!.GetValue<string>())));
        }
        return errors.Select(e => e.Key).ToList();
    }

    public static string Text(this JsonNode? node) => node!.GetValue<string>();
}
