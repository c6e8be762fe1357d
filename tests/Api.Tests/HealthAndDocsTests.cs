using System.Net;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

public sealed class HealthAndDocsTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private readonly HttpClient _client = fixture.Api.Anonymous();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = await response.ReadJsonAsync();
        Assert.StartsWith("3.", document["openapi"].Text());
        var paths = document["paths"]!.AsObject();
        foreach (var (path, method) in new[]
                 {
                     ("/menu", "get"), ("/orders", "post"), ("/orders", "get"), ("/orders/{id}", "get"), ("/orders/{id}/items", "post"),
                     ("/orders/{id}/submit", "post"), ("/orders/{id}/bill", "post"), ("/kitchen/tickets", "get"),
                 })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from {string.Join(", ", paths.Select(p => p.Key))}");
            Assert.True(paths[path]!.AsObject().ContainsKey(method), $"{method.ToUpperInvariant()} {path} is missing");
        }
    }

    [Theory]
    [InlineData("/docs")]
    [InlineData("/docs/index.html")]
    public async Task Docs_serve_an_html_page(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("swagger", html, StringComparison.OrdinalIgnoreCase);
    }
}
