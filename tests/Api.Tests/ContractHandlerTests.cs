using System.Net;
using System.Text;
using Restaurant.Api.Tests.Support;
using Restaurant.Api.Tests.Support.Contract;

namespace Restaurant.Api.Tests;

/// <summary>
/// The check every test client runs on every answer (<see cref="ContractHandler"/>) refuses what the served document
/// does not describe. A stand-in server answers here: it serves the real document, then whatever answer a test gives it.
/// </summary>
public sealed class ContractHandlerTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private const string OrderId = "01a22ccabc74744daa3a2b5c09f6cb47";

    [Fact]
    public async Task An_answer_the_document_describes_passes()
    {
        var response = await SendAsync(HttpMethod.Get, $"/orders/{OrderId}", 404,
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Order not found","status":404,"detail":"No such order.","code":"order_not_found"}""",
            "application/problem+json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_status_the_operation_does_not_list_fails_the_request()
    {
        var violation = await Assert.ThrowsAsync<ContractViolation>(() => SendAsync(HttpMethod.Get, "/menu", 418, "{}", "application/json"));

        Assert.Contains("getMenu (GET /menu) has no answer 418", violation.Message);
    }

    [Fact]
    public async Task A_number_sent_as_a_string_fails_the_request()
    {
        var violation = await Assert.ThrowsAsync<ContractViolation>(() => SendAsync(HttpMethod.Get, "/orders", 200,
            $$"""[{"id":"{{OrderId}}","table":"12","status":"open","createdAt":"2026-11-30T14:10:13Z","pendingCount":"0","ticketCount":0,"balance":null}]""",
            "application/json"));

        Assert.Contains("/0/pendingCount", violation.Message);
    }

    [Fact]
    public async Task A_field_the_document_does_not_describe_fails_the_request()
    {
        var violation = await Assert.ThrowsAsync<ContractViolation>(() => SendAsync(HttpMethod.Put, "/menu/items/soup/availability", 200,
            """{"id":"soup","name":"Soup of the Day","category":"starters","price":6,"available":false,"secret":1}""", "application/json"));

        Assert.Contains("/secret", violation.Message);
    }

    [Fact]
    public async Task A_problem_code_the_operation_does_not_list_fails_the_request()
    {
        var violation = await Assert.ThrowsAsync<ContractViolation>(() => SendAsync(HttpMethod.Post, $"/orders/{OrderId}/bill", 409,
            """{"type":"t","title":"Order billed","status":409,"detail":"d","code":"order_billed"}""", "application/problem+json"));

        Assert.Contains("/code", violation.Message);
    }

    [Fact]
    public async Task A_created_answer_without_its_location_fails_the_request()
    {
        var violation = await Assert.ThrowsAsync<ContractViolation>(() => SendAsync(HttpMethod.Put, "/menu", 201,
            """{"version":2,"effectiveFrom":"2026-11-30T14:10:13Z"}""", "application/json"));

        Assert.Contains("requires the header Location", violation.Message);
    }

    [Fact]
    public async Task An_unknown_address_must_answer_a_404_problem()
    {
        var violation = await Assert.ThrowsAsync<ContractViolation>(() => SendAsync(HttpMethod.Get, "/nowhere", 200, "{}", "application/json"));

        Assert.Contains("must be 404", violation.Message);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, int status, string body, string mediaType)
    {
        var document = await (await fixture.Api.Anonymous().GetAsync(ApiContract.DocumentPath)).Content.ReadAsStringAsync();
        var server = new StandIn(document, status, body, mediaType);
        // An address of its own, so that its answers are checked against the document it serves, not a real server's.
        using var client = new HttpClient(new ContractHandler(server)) { BaseAddress = new Uri($"http://stand-in-{Guid.NewGuid():N}.test") };
        return await client.SendAsync(new HttpRequestMessage(method, path));
    }

    private sealed class StandIn(string document, int status, string body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.RequestUri!.AbsolutePath == ApiContract.DocumentPath
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(document, Encoding.UTF8, "application/json") }
                : new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
    }
}
