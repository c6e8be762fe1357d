using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Restaurant.Api.Infrastructure.OpenApi;
using Restaurant.Api.Tests.Support;
using Restaurant.Api.Tests.Support.Contract;

namespace Restaurant.Api.Tests;

/// <summary>What a client developer relies on in /openapi/v1.json, beyond the answers every test checks against it.</summary>
public sealed class OpenApiDocumentTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    [Theory]
    [InlineData("/orders", "post", "CreateOrderRequest")]
    [InlineData("/orders/{id}/items", "post", "ChangeItemsRequest")]
    [InlineData("/payments/{orderId}", "post", "PaymentRequest")]
    [InlineData("/menu", "put", "MenuRequest")]
    [InlineData("/menu/items/{id}/availability", "put", "AvailabilityRequest")]
    [InlineData("/menu/items/{id}/options/{optionId}/availability", "put", "AvailabilityRequest")]
    [InlineData("/orders/{id}/void", "post", "VoidRequest")]
    [InlineData("/orders/{id}/comp", "post", "CompRequest")]
    [InlineData("/kitchen/tickets/{sequence}/status", "post", "TicketStatusRequest")]
    public async Task Each_request_body_has_a_schema_of_its_own(string path, string method, string schema)
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);

        Assert.Equal($"#/components/schemas/{schema}", document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"].Text());
    }

    [Fact]
    public async Task No_two_types_share_a_schema_name()
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);
        var names = document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        Assert.Empty(names.Intersect(["Body", "Command", "Result", "Item", "Query", "Addition", "Share", "Summary"]));
        Assert.Equal("#/components/schemas/SubmitResult", Schema(document, "/orders/{id}/submit", "post", "201")["$ref"].Text());
        Assert.Equal("#/components/schemas/BillItem", document["components"]!["schemas"]!["Bill"]!["properties"]!["items"]!["items"]!["$ref"].Text());
    }

    [Fact]
    public async Task No_number_may_be_sent_or_answered_as_a_string()
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);

        var loose = OpenApiDocument.Descendants(document).OfType<JsonObject>()
            .Where(node => node["type"] is JsonArray types && types.Any(t => t.Text() == "string") &&
                           types.Any(t => t.Text() is "number" or "integer"))
            .ToList();

        Assert.Empty(loose.Select(node => node.GetPath()));
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_a_description_and_a_described_tag()
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);
        var tags = document["tags"]!.AsArray().ToDictionary(t => t!["name"].Text(), t => t!["description"]?.GetValue<string>());
        var operations = OpenApiDocument.Operations(document).ToList();

        Assert.All(operations, o =>
        {
            Assert.Matches("^[a-z][A-Za-z]+$", o.Operation["operationId"].Text());
            Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), $"{o.Method} {o.Path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(o.Operation["description"]?.GetValue<string>()), $"{o.Method} {o.Path} has no description");
            var tag = Assert.Single(o.Operation["tags"]!.AsArray())!.Text();
            Assert.False(string.IsNullOrWhiteSpace(tags.GetValueOrDefault(tag)), $"tag {tag} has no description");
        });
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"].Text()).Distinct().Count());
    }

    [Fact]
    public async Task Every_error_answer_is_a_problem_that_lists_its_codes()
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);
        var known = ProblemCatalog.All.Select(code => code.Code).ToHashSet();

        foreach (var (method, path, operation) in OpenApiDocument.Operations(document).Where(o => !o.Path.StartsWith("/health")))
        foreach (var (status, answer) in operation["responses"]!.AsObject().Where(r => int.Parse(r.Key) >= 400))
        {
            var schema = answer!["content"]!["application/problem+json"]!["schema"]!;
            Assert.Equal("#/components/schemas/ProblemDetails", schema["allOf"]![0]!["$ref"].Text());
            var codes = schema["allOf"]![1]!["properties"]!["code"]!["enum"]!.AsArray().Select(c => c.Text()).ToList();
            Assert.NotEmpty(codes);
            Assert.All(codes, code => Assert.True(known.Contains(code), $"{method} {path} {status}: {code} is not in the catalog"));
            Assert.All(codes, code => Assert.Equal(int.Parse(status), ProblemCatalog.All.Single(c => c.Code == code).Status));
        }
    }

    [Theory]
    [InlineData("/kitchen/tickets", "get", new[] { "staffKey" })]
    [InlineData("/kitchen/tickets/{sequence}/status", "post", new[] { "staffKey" })]
    [InlineData("/orders/{id}/void", "post", new[] { "staffKey" })]
    [InlineData("/orders", "get", new[] { "staffKey" })]
    [InlineData("/menu", "put", new[] { "staffKey" })]
    [InlineData("/orders/{id}", "get", new[] { "dinerToken", "staffKey" })]
    [InlineData("/payments/{orderId}", "post", new[] { "dinerToken", "staffKey" })]
    [InlineData("/menu", "get", new string[0])]
    [InlineData("/orders", "post", new string[0])]
    public async Task Each_operation_names_the_credentials_it_takes(string path, string method, string[] schemes)
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);

        var security = document["paths"]![path]![method]!["security"]!.AsArray();

        Assert.Equal(schemes, security.Select(requirement => Assert.Single(requirement!.AsObject()).Key));
        Assert.All(security, requirement => Assert.NotNull(document["components"]!["securitySchemes"]![requirement!.AsObject().Single().Key]));
    }

    [Fact]
    public async Task Every_post_takes_an_idempotency_key_and_every_created_answer_says_where()
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);

        foreach (var (method, path, operation) in OpenApiDocument.Operations(document))
        {
            var headers = operation["parameters"]?.AsArray().Where(p => p!["in"].Text() == "header").Select(p => p!["name"].Text()) ?? [];
            Assert.Equal(method == "POST", headers.Contains("Idempotency-Key"));
            if (operation["responses"]!["201"] is { } created) Assert.NotNull(created["headers"]?["Location"]);
        }
    }

    [Fact]
    public async Task The_menu_is_read_conditionally()
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);
        var getMenu = document["paths"]!["/menu"]!["get"]!;

        Assert.Contains(getMenu["parameters"]!.AsArray(), p => p!["name"].Text() == "If-None-Match");
        Assert.NotNull(getMenu["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.NotNull(getMenu["responses"]!["304"]!["headers"]!["ETag"]);
    }

    [Fact]
    public async Task The_document_names_its_licence_its_contact_and_servers_without_a_trailing_slash()
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);

        Assert.Equal("MIT", document["info"]!["license"]!["identifier"].Text());
        Assert.False(string.IsNullOrWhiteSpace(document["info"]!["contact"]!["name"]?.GetValue<string>()));
        Assert.All(document["servers"]!.AsArray(), server => Assert.DoesNotMatch("/$", server!["url"].Text()));
    }

    [Fact]
    public async Task Docs_api_md_lists_every_problem_code_with_its_status()
    {
        var table = await File.ReadAllTextAsync(OpenApiDocument.RepositoryFile("docs/api.md"));

        Assert.All(ProblemCatalog.All, code =>
            Assert.Matches(new Regex($@"^\| {code.Status} \| `{code.Code}` \|", RegexOptions.Multiline), table));
    }

    [Fact]
    public async Task The_http_samples_call_every_operation()
    {
        var document = await OpenApiDocument.ReadAsync(fixture.Api);
        var requests = Directory.GetFiles(OpenApiDocument.RepositoryFile("http-samples"), "*.http")
            .SelectMany(File.ReadLines)
            .Select(line => Regex.Match(line, @"^(GET|PUT|POST|DELETE|PATCH) \{\{baseUrl\}\}(/[^?\s]*)"))
            .Where(match => match.Success)
            .Select(match => (Method: match.Groups[1].Value, Path: match.Groups[2].Value))
            .ToList();

        Assert.All(OpenApiDocument.Operations(document), operation =>
        {
            var template = new Regex("^" + Regex.Replace(Regex.Escape(operation.Path), @"\\\{[^}]+}", "[^/]+") + "$");
            Assert.True(requests.Any(r => r.Method == operation.Method && template.IsMatch(r.Path)),
                $"no .http sample calls {operation.Method} {operation.Path}");
        });
    }

    private static JsonNode Schema(JsonObject document, string path, string method, string status) =>
        document["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!;
}
