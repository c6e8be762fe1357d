using System.Net;
using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

public static class OutageAssertions
{
    /// <summary>
    /// Asserts the answer to a request the database could not serve: 503 service_unavailable, a Retry-After of a few
    /// seconds, and the problem's <c>outcome</c> (<c>not_applied</c> or <c>unknown</c>); returns the problem.
    /// </summary>
    public static async Task<JsonObject> AssertUnavailableAsync(this HttpResponseMessage response, string outcome = "not_applied")
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 and <= 10 }, $"Retry-After is {response.Headers.RetryAfter}");
        Assert.Equal(outcome, problem["outcome"]?.GetValue<string>());
        return problem;
    }
}
