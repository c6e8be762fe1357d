using System.Net;
using System.Text.Json;
using Json.Schema;

namespace Restaurant.Api.Tests.Support.Contract;

/// <summary>
/// Checks every answer a test client receives against the OpenAPI document of the server that sent it (asked once per
/// build, <see cref="ApiContract.Runs"/>): the operation (by method and path template) must describe the status, the
/// headers it requires must be there, and the body must have a documented media type and match its schema. An answer
/// that belongs to no operation (no such address, a wrong method) must be a problem; and a body the server accepted
/// must be one the document allows. A violation fails the request, and so the test, with what differs.
/// (JsonSchema.Net, because the document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12: README.)
/// </summary>
public sealed class ContractHandler : DelegatingHandler
{
    // A yes/no answer first (it stops at the first failure, so it is quick); the list of failures only when there are some.
    private static readonly EvaluationOptions Verdict = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private static readonly EvaluationOptions Explanation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public ContractHandler()
    {
    }

    public ContractHandler(HttpMessageHandler inner) : base(inner)
    {
    }

    /// <summary>A client of the server at <paramref name="address"/> whose every answer is checked.</summary>
    public static HttpClient Client(Uri address, TimeSpan? timeout = null) =>
        new(new ContractHandler(new SocketsHttpHandler())) { BaseAddress = address, Timeout = timeout ?? TimeSpan.FromSeconds(100) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A request without an address.");
        // The documentation itself (the document, the interactive docs) is not an operation of the API.
        if (uri.AbsolutePath.StartsWith(ApiContract.DocumentPath, StringComparison.Ordinal) || uri.AbsolutePath.StartsWith("/docs", StringComparison.Ordinal))
            return await base.SendAsync(request, cancellationToken);

        // Asked before the request, while the server is surely up (a test may kill it right after it answers).
        var contract = await ApiContract.ForServerAsync(uri, FetchDocumentAsync);
        var sent = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        // Read here and again by the test: buffered once (a stream of events is never read whole, nor checked).
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream") await response.Content.LoadIntoBufferAsync(cancellationToken);
        var violations = await CheckAsync(contract, request.Method.Method, uri.AbsolutePath, response);
        if (violations.Count == 0 && response.IsSuccessStatusCode) violations = CheckAcceptedRequest(contract, request.Method.Method, uri.AbsolutePath, sent);
        if (violations.Count > 0)
            throw new ContractViolation($"{request.Method} {uri.PathAndQuery} answered {(int)response.StatusCode}, which the OpenAPI document " +
                                        $"does not describe:\n  {string.Join("\n  ", violations)}\n  body: {await BodyOf(response)}");
        return response;
    }

    private async Task<string> FetchDocumentAsync(Uri document)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, document);
        using var response = await base.SendAsync(request, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<IReadOnlyList<string>> CheckAsync(ApiContract contract, string method, string path, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString();
        // Kestrel refuses a request line with a control character (%00) itself, with a bare 400: no operation sees it.
        if (Uri.UnescapeDataString(path).Any(char.IsControl))
            return response.StatusCode == HttpStatusCode.BadRequest && (await response.Content.ReadAsByteArrayAsync()).Length == 0
                ? []
                : ["a path with a control character must be refused by the server with a bare 400"];
        var operation = contract.Find(method, path);
        if (operation is null)
        {
            var expected = contract.HasPath(path) ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.NotFound;
            if (response.StatusCode != expected) return [$"no operation is {method} {path}, so the answer must be {(int)expected}"];
            return await CheckBodyAsync(new Dictionary<string, Lazy<JsonSchema>> { ["application/problem+json"] = contract.Problem }, response);
        }
        if (!operation.Answers.TryGetValue(status, out var answer))
            return [$"{operation.Id} ({operation.Method} {operation.Template}) has no answer {status} (it has {string.Join(", ", operation.Answers.Keys)})"];
        var missing = answer.RequiredHeaders
            .Where(header => !response.Headers.NonValidated.Contains(header) && !response.Content.Headers.NonValidated.Contains(header))
            .Select(header => $"{operation.Id} {status} requires the header {header}");
        return [.. missing, .. await CheckBodyAsync(answer.Bodies, response)];
    }

    /// <summary>A body the server accepted must be one the document allows: else a client keeping to the document could not send it.</summary>
    private static IReadOnlyList<string> CheckAcceptedRequest(ApiContract contract, string method, string path, string? body)
    {
        if (contract.Find(method, path) is not { Request: { } schema } operation || string.IsNullOrEmpty(body)) return [];
        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return [$"{operation.Id} accepted a body that is not JSON"];
        }
        return Errors(schema.Value, instance)
            .Select(error => $"{operation.Id} accepted a request body the document refuses: {error}").ToList();
    }

    private static async Task<IReadOnlyList<string>> CheckBodyAsync(IReadOnlyDictionary<string, Lazy<JsonSchema>> bodies, HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (bodies.Count == 0)
            return (await response.Content.ReadAsByteArrayAsync()).Length == 0 ? [] : ["the answer has a body, but the document describes none"];
        if (mediaType is null || !bodies.TryGetValue(mediaType, out var schema))
            return [$"the body is {mediaType ?? "of no media type"}, not {string.Join(" or ", bodies.Keys)}"];
        if (mediaType == "text/event-stream") return [];

        var text = await response.Content.ReadAsStringAsync();
        JsonElement instance;
        try
        {
            instance = mediaType.Contains("json", StringComparison.Ordinal)
                ? JsonDocument.Parse(text).RootElement
                : JsonSerializer.SerializeToElement(text); // text/plain: the body is one string
        }
        catch (JsonException exception)
        {
            return [$"the {mediaType} body is not JSON: {exception.Message}"];
        }
        return Errors(schema.Value, instance);
    }

    /// <summary>How <paramref name="instance"/> fails <paramref name="schema"/> (at most ten ways); empty when it matches.</summary>
    internal static IReadOnlyList<string> Errors(JsonSchema schema, JsonElement instance) => schema.Evaluate(instance, Verdict).IsValid
        ? []
        : (schema.Evaluate(instance, Explanation).Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value} ({detail.EvaluationPath})"))
            .DefaultIfEmpty("the body does not match its schema")
            .Take(10)
            .ToList();

    private static async Task<string> BodyOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }
}

/// <summary>An answer of the API that its OpenAPI document does not describe.</summary>
public sealed class ContractViolation(string message) : Xunit.Sdk.XunitException(message);
