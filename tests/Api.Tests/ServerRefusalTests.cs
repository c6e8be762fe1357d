using System.Net.Sockets;
using System.Text;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// Requests that break HTTP itself, sent as raw bytes. Those the server lets the app answer (a badly framed body) get
/// a problem like any other; those it refuses before the app runs (a NUL in the path, a request line it cannot
/// parse, oversized headers) keep the server's empty 4xx, as README says.
/// </summary>
public sealed class ServerRefusalTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    public static TheoryData<string> Bodies() => new("/orders", "/payments/ORDER", "/orders/ORDER/items");

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_badly_chunked_body_gets_a_validation_problem_naming_the_body(string path)
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("chunk"));

        var response = await SendAsync(
            $"POST {path.Replace("ORDER", session.OrderId)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {session.Token}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        AssertBodyProblem(response);
    }

    [Theory]
    [InlineData("GET /orders/a%00b HTTP/1.1\r\nHost: x\r\n\r\n", "400")]
    [InlineData("GET /orders/a\0b HTTP/1.1\r\nHost: x\r\n\r\n", "400")]
    [InlineData("GARBAGE\r\n\r\n", "400")]
    [InlineData("GET /menu HTTP/1.1\r\nHost: x\r\nX-Padding: PADDING\r\n\r\n", "431")]
    public async Task Requests_the_server_refuses_before_the_app_runs_are_a_bare_4xx_and_close(string request, string status)
    {
        var response = await SendAsync(request.Replace("PADDING", new string('a', 40 * 1024)));

        Assert.StartsWith($"HTTP/1.1 {status} ", response);
        Assert.Contains("Connection: close", response);
        Assert.Contains("Content-Length: 0", response);
    }

    private static void AssertBodyProblem(string response)
    {
        Assert.StartsWith("HTTP/1.1 400 ", response);
        Assert.Contains("Content-Type: application/problem+json", response);
        Assert.Contains("\"code\":\"validation_failed\"", response);
        Assert.Contains("\"errors\":{\"body\":[", response);
    }

    /// <summary>Sends <paramref name="request"/> as it is and reads the answer until the server closes the connection.</summary>
    private async Task<string> SendAsync(string request)
    {
        var address = Api.Anonymous().BaseAddress!;
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var answer = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        // One response is all this test needs: after its body, stop rather than wait for a keep-alive to end.
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            answer.Write(buffer, 0, read);
            var text = Encoding.UTF8.GetString(answer.ToArray());
            if (text.Contains("\r\n0\r\n\r\n") || text.Contains("Content-Length: 0\r\n") && text.EndsWith("\r\n\r\n")) break;
        }
        return Encoding.UTF8.GetString(answer.ToArray());
    }
}
