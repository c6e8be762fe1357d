using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

public sealed class ErrorHandlingTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private const int Limit = 64 * 1024;

    [Theory]
    [InlineData("""{"table":""", "table")]
    [InlineData("""{"table":"x",}""", null)]
    [InlineData("""{table:"x"}""", null)]
    [InlineData("not json", null)]
    [InlineData("""{"table":"x"} {"table":"y"}""", null)]
    public async Task Malformed_json_is_a_validation_failure_with_errors(string body, string? field)
    {
        var response = await fixture.Api.Anonymous().PostRawAsync("/orders", body);

        var fields = await response.AssertValidationProblemAsync();
        if (field is not null) Assert.Contains(field, fields);
    }

    [Theory]
    [InlineData("""{"table":12}""", "table")]
    [InlineData("""{"table":["12"]}""", "table")]
    [InlineData("""{"table":"12x","guests":"four"}""", "guests")]
    [InlineData("""{"table":"12x","guests":2.5}""", "guests")]
    [InlineData("""{"table":"12x","guests":99999999999}""", "guests")]
    [InlineData("""["12"]""", "body")]
    [InlineData("\"12\"", "body")]
    public async Task Wrong_json_types_for_an_order_name_the_field(string body, string field)
    {
        var response = await fixture.Api.Anonymous().PostRawAsync("/orders", body);

        Assert.Contains(field, await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData("""{"add":"salad"}""", "add")]
    [InlineData("""{"add":{"menuItemId":"salad","quantity":1}}""", "add")]
    [InlineData("""{"add":[{"menuItemId":"salad","quantity":"lots"}]}""", "add[0].quantity")]
    [InlineData("""{"add":[{"menuItemId":"salad","quantity":1.5}]}""", "add[0].quantity")]
    [InlineData("""{"add":[{"menuItemId":"salad","quantity":true}]}""", "add[0].quantity")]
    [InlineData("""{"add":[{"menuItemId":7,"quantity":1}]}""", "add[0].menuItemId")]
    [InlineData("""{"add":[{"menuItemId":"salad","quantity":1,"diner":{"name":"x"}}]}""", "add[0].diner")]
    [InlineData("""{"remove":[1]}""", "remove[0]")]
    [InlineData("""{"remove":"line"}""", "remove")]
    [InlineData("""{"add":[null]}""", "add[0]")]
    [InlineData("""{"remove":[null]}""", "remove[0]")]
    [InlineData("""{"remove":[""]}""", "remove[0]")]
    [InlineData("""{"add":[{}]}""", "add[0].menuItemId")]
    public async Task Wrong_json_types_for_items_name_the_field(string body, string field)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("types"));

        var response = await session.Client.PostRawAsync($"/orders/{session.OrderId}/items", body);

        Assert.Contains(field, await response.AssertValidationProblemAsync());
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "application/json")]
    [InlineData("null", "application/json")]
    public async Task A_missing_body_is_a_validation_failure_naming_the_body(string? body, string? contentType)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("nobody"));

        foreach (var (client, path) in new[] { (fixture.Api.Anonymous(), "/orders"), (session.Client, $"/orders/{session.OrderId}/items") })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
            }
            var response = await client.SendAsync(request);

            Assert.Contains("body", await response.AssertValidationProblemAsync());
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var table = Tables.Unique("t415");
        var code = await Floor.SetUpAsync(fixture.Api, table);
        var response = await fixture.Api.Anonymous().PostRawAsync("/orders", $$"""{"table":"{{table}}","code":"{{code}}"}""", contentType: "text/plain");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.Anonymous().PostAsJsonAsync("/orders", new { table, code })).StatusCode);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task A_body_over_64_KiB_is_413_and_changes_nothing(bool chunked, bool idempotent)
    {
        var table = Tables.Unique("big");
        var code = await Floor.SetUpAsync(fixture.Api, table);
        var padding = new string(' ', Limit);
        var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = new StringContent($$"""{"table":"{{table}}","code":"{{code}}"{{padding}}}""", Encoding.UTF8, "application/json"),
        };
        if (chunked) request.Headers.TransferEncodingChunked = true;
        if (idempotent) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await fixture.Api.Anonymous().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.Anonymous().PostAsJsonAsync("/orders", new { table, code })).StatusCode);
    }

    [Fact]
    public async Task An_item_body_over_64_KiB_is_413_and_adds_nothing()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("bigitem"));
        var note = new string('n', 200);
        var additions = Enumerable.Range(0, 400).Select(_ => TableSession.Item("tea", note: note)).ToArray();

        var response = await session.AddAsync(additions);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("bill")]
    public async Task A_body_over_64_KiB_is_413_even_where_the_body_is_not_read(string step)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("bigstep"));
        await session.AddAsync(TableSession.Item("tea"));
        await session.SubmitAsync();

        var response = await session.Client.PostAsync($"/orders/{session.OrderId}/{step}",
            new StringContent(new string(' ', Limit + 1), Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal("open", (await session.GetAsync())["status"].Text());
    }

    [Fact]
    public async Task A_body_just_under_64_KiB_is_read()
    {
        var table = Tables.Unique("under");
        var head = $$"""{"table":"{{table}}","code":"{{await Floor.SetUpAsync(fixture.Api, table)}}" """;
        var body = head + new string(' ', Limit - Encoding.UTF8.GetByteCount(head) - 1) + "}";
        Assert.Equal(Limit, Encoding.UTF8.GetByteCount(body));

        var response = await fixture.Api.Anonymous().PostRawAsync("/orders", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/nowhere")]
    [InlineData("GET", "/orders/abc/nowhere")]
    [InlineData("POST", "/kitchen/nowhere")]
    [InlineData("GET", "/menu/items")]
    public async Task An_unknown_route_is_a_404_problem(string method, string path)
    {
        var response = await fixture.Api.Staff().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("DELETE", "/menu")]
    [InlineData("DELETE", "/orders")]
    [InlineData("GET", "/orders/abc/submit")]
    public async Task A_wrong_method_is_a_405_problem(string method, string path)
    {
        var response = await fixture.Api.Staff().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    public static TheoryData<string> HostileBodies => new()
    {
        "",
        "{",
        "}",
        "[]",
        "[null]",
        "0",
        "-1",
        "true",
        "\"\"",
        "null",
        "{}",
        """{"add":[null]}""",
        """{"add":[null,null],"remove":[null]}""",
        """{"add":[{}]}""",
        """{"add":[{"menuItemId":null,"quantity":null}]}""",
        """{"add":[{"menuItemId":"","quantity":1}]}""",
        """{"add":[{"menuItemId":"salad","quantity":2147483648}]}""",
        """{"add":[{"menuItemId":"salad","quantity":-2147483648}]}""",
        """{"add":[{"menuItemId":"salad","quantity":1e400}]}""",
        """{"add":[{"menuItemId":"salad","quantity":1,"diner":"\u0000","note":"\ud800"}]}""",
        """{"add":[{"menuItemId":"\u0000","quantity":1}]}""",
        """{"add":[{"menuItemId":"salad","quantity":1}],"remove":["x","x","x"]}""",
        """{"remove":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]}""",
        """{"table":null,"guests":null}""",
        """{"table":"\u0000"}""",
        """{"table":"\ud800"}""",
        """{"table":"x","guests":-2147483649}""",
        """{"table":"x","table":"y","guests":{"a":[1,2,{"b":null}]}}""",
        new string('[', 200) + new string(']', 200),
        "{\"add\":" + new string('[', 70) + new string(']', 70) + "}",
        "{\"table\":\"" + new string('x', 5000) + "\"}",
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_hostile_body_is_refused_with_a_problem_or_ignored_never_a_server_error(string body)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("hostile"));
        var expected = new (string Path, string[] Outcomes)[]
        {
            ("/orders", ["400 validation_failed"]),
            ($"/orders/{session.OrderId}/items", ["400 validation_failed", "400 unknown_menu_item", "400 unknown_line"]),
            // Submit and bill read no body: an empty order has nothing to send and nothing to bill.
            ($"/orders/{session.OrderId}/submit", ["200"]),
            ($"/orders/{session.OrderId}/bill", ["409 empty_order"]),
        };

        foreach (var (path, outcomes) in expected)
        {
            var response = await session.Client.PostRawAsync(path, body);
            await AssertOutcomeAsync(response, $"POST {path} {body}", outcomes);
        }
    }

    [Fact]
    public async Task Invalid_utf8_is_a_validation_failure()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("utf8"));
        foreach (var path in new[] { "/orders", $"/orders/{session.OrderId}/items" })
        {
            var bytes = new ByteArrayContent([.. "{\"table\":\""u8, 0xff, 0xfe, 0xc3, .. "\",\"add\":[]}"u8]);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");

            var response = await session.Client.PostAsync(path, bytes);

            await response.AssertValidationProblemAsync();
        }
    }

    [Theory]
    [InlineData("/menu?version=%00", "400 validation_failed")]
    [InlineData("/menu?version=2147483648", "400 validation_failed")]
    [InlineData("/menu?version=1&version=2", "400 validation_failed")]
    [InlineData("/orders?status=%ff", "400 validation_failed")]
    [InlineData("/orders?status=open&status=billed", "400 validation_failed")]
    [InlineData("/orders?limit=-5", "400 validation_failed")]
    [InlineData("/orders?limit=abc", "400 validation_failed")]
    [InlineData("/kitchen/tickets?after=", "400 validation_failed")]
    [InlineData("/kitchen/tickets?after=%20", "400 validation_failed")]
    [InlineData("/orders/%2e%2e", "404 not_found")]
    [InlineData("/orders/%20/items", "405 method_not_allowed")]
    public async Task A_hostile_query_or_path_is_a_4xx_problem(string path, string outcome)
    {
        var response = await fixture.Api.Staff().GetAsync(path);

        await AssertOutcomeAsync(response, path, outcome);
    }

    [Theory]
    [InlineData("/orders?limit=abc", "limit")]
    [InlineData("/menu?version=1&version=2", "version")]
    [InlineData("/menu?version=2147483648", "version")]
    [InlineData("/kitchen/tickets?after=x", "after")]
    public async Task A_query_value_that_does_not_parse_is_a_validation_failure_naming_its_parameter(string path, string parameter)
    {
        var response = await fixture.Api.Staff().GetAsync(path);

        Assert.Equal([parameter], await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData("/kitchen/tickets?after=x")]
    [InlineData("/kitchen/tickets?after=")]
    public async Task A_malformed_query_value_from_a_caller_without_a_key_is_refused_for_the_key_first(string path)
    {
        var response = await fixture.Api.Anonymous().GetAsync(path);

        await AssertOutcomeAsync(response, path, "401 unauthorized");
    }

    [Fact]
    public async Task A_null_byte_in_the_path_is_refused_by_the_server_not_failed()
    {
        // Kestrel refuses such a request line itself, before the application (and its problem writer) sees it.
        var response = await fixture.Api.Staff().GetAsync("/orders/%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer     ")]
    [InlineData("bearer test-staff-key-x")]
    [InlineData("Basic dGVzdA==")]
    [InlineData("Bearer a b c")]
    [InlineData("Negotiate")]
    public async Task A_malformed_authorization_header_is_401(string header)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("auth"));
        foreach (var path in new[] { $"/orders/{session.OrderId}", "/orders", "/kitchen/tickets" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Authorization", header);

            var response = await fixture.Api.Anonymous().SendAsync(request);

            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        var longToken = await fixture.Api.WithToken(new string('t', 8000)).GetAsync($"/orders/{session.OrderId}");
        await longToken.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("*")]
    [InlineData("W/\"1.0\"")]
    [InlineData("\"\", ,,")]
    public async Task A_malformed_if_none_match_header_still_serves_the_menu(string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/menu");
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);

        var response = await fixture.Api.Anonymous().SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotModified, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task An_empty_idempotency_key_is_400_naming_the_header_and_opens_nothing()
    {
        var table = Tables.Unique("emptyk");
        var code = await Floor.SetUpAsync(fixture.Api, table);
        var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new { table, code }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "");

        var response = await fixture.Api.Anonymous().SendAsync(request);

        var fields = await response.AssertValidationProblemAsync();
        Assert.Contains(fields, f => f.Equals("Idempotency-Key", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.Anonymous().PostAsJsonAsync("/orders", new { table, code })).StatusCode);
    }

    /// <summary>
    /// Asserts that the answer is one of <paramref name="outcomes"/>: a success status ("200"), or a status and the
    /// problem code it must carry ("400 validation_failed"), in the problem shape every refusal has.
    /// </summary>
    private static async Task AssertOutcomeAsync(HttpResponseMessage response, string what, params string[] outcomes)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var outcome = status < 400 ? $"{status}" : $"{status} {ProblemCodeOf(text)}";
        Assert.True(outcomes.Contains(outcome), $"{what}: expected {string.Join(" or ", outcomes)}, got {outcome}: {text}");
        if (status >= 400)
            await response.AssertProblemAsync(response.StatusCode, outcomes.Single(o => o == outcome).Split(' ')[1]);
    }

    private static string ProblemCodeOf(string text) =>
        System.Text.Json.Nodes.JsonNode.Parse(text)?["code"]?.GetValue<string>() ?? "(no code)";
}
