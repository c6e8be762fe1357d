using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

/// <summary>Reading answers and asserting problems (RFC 9457) in the shape every endpoint shares.</summary>
public static class HttpAssertions
{
    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts an RFC 9457 problem with the given status and code, and returns it for further checks.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        return problem;
    }

    public static decimal Money(this JsonNode? node) => node!.GetValue<decimal>();

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
