using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Outage;

/// <summary>
/// The published contract says that any operation of the API may be answered 503 service_unavailable, with Retry-After.
/// (The health checks are not API operations: they answer plain text, and readiness's 503 is how it says "unhealthy".)
/// </summary>
public sealed class OutageContractTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    [Fact]
    public async Task Every_operation_in_the_openapi_document_may_be_answered_503_service_unavailable_with_retry_after()
    {
        var document = await (await fixture.Api.Anonymous().GetAsync("/openapi/v1.json")).ReadOkJsonAsync();

        var operations = document["paths"]!.AsObject().Where(path => !path.Key.StartsWith("/health/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject()).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, operation =>
        {
            var unavailable = operation.Value!["responses"]?["503"];
            Assert.True(unavailable is not null, $"{operation.Key} does not list a 503");
            Assert.Contains("service_unavailable", unavailable!["description"].Text());
            Assert.NotNull(unavailable["headers"]?["Retry-After"]);
            Assert.NotNull(unavailable["content"]?["application/problem+json"]);
        });
    }
}
