using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Restaurant.Api.Tests.Support.Contract;

/// <summary>
/// The OpenAPI document a server serves, read as plain JSON (see README: Microsoft.OpenApi 3 cannot be loaded beside
/// the API under test, which runs in this process on Microsoft.OpenApi 2): its operations by method and path
/// template, and for each answer the headers it must carry and the JSON Schema of its body.
/// </summary>
public sealed class ApiContract
{
    public const string DocumentPath = "/openapi/v1.json";

    // One document per build, or per server address for a server whose build nobody named; documents that repeat are
    // parsed once each.
    private static readonly ConcurrentDictionary<string, Task<ApiContract>> ByServer = new();
    private static readonly ConcurrentDictionary<string, ApiContract> ByDocument = new();
    private static readonly ConcurrentDictionary<string, string> Builds = new();

    private readonly IReadOnlyList<Operation> _operations;
    private readonly JsonObject _definitions;

    private ApiContract(JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var definitions = new JsonObject();
        var requestDefinitions = new JsonObject();
        foreach (var (name, schema) in schemas)
        {
            definitions[name] = Closed(Rewritten(schema!));
            requestDefinitions[name] = Rewritten(schema!);
        }
        _operations = (document["paths"]?.AsObject() ?? []).SelectMany(path => path.Value!.AsObject().Select(operation =>
            new Operation(
                operation.Key.ToUpperInvariant(),
                path.Key,
                Segments(path.Key),
                operation.Value!["operationId"]?.GetValue<string>() ?? $"{operation.Key.ToUpperInvariant()} {path.Key}",
                operation.Value["requestBody"]?["content"]?["application/json"]?["schema"] is { } body ? SchemaFor(body, requestDefinitions) : null,
                (operation.Value["responses"]?.AsObject() ?? []).ToDictionary(
                    response => response.Key,
                    response => Answer.From(response.Value!.AsObject(), definitions)))))
            .ToList();
        Problem = SchemaFor(new JsonObject { ["$ref"] = "#/$defs/ProblemDetails" }, definitions);
        _definitions = definitions;
    }

    /// <summary>The contract of a document already read (as <see cref="OpenApiDocument.ReadAsync"/> reads it).</summary>
    public static ApiContract Of(JsonObject document) => new(document.DeepClone().AsObject());

    /// <summary>One of the document's named schemas (closed, as every answer's), e.g. the data of one event type.</summary>
    public JsonSchema Schema(string name) => SchemaFor(new JsonObject { ["$ref"] = $"#/$defs/{name}" }, _definitions).Value;

    /// <summary>The schema of any problem, for answers that belong to no operation (no such address, wrong method).</summary>
    public Lazy<JsonSchema> Problem { get; }

    /// <summary>
    /// Says which build the server at <paramref name="server"/> runs (the test that started it knows). The document is
    /// made from the build's endpoints and transformers alone (only its <c>servers</c> entry names the address, and it is
    /// left out here), so it is asked of the first server of each build: generating it costs a server a third of a
    /// CPU-second when fresh, and a run starts about 170 servers of two builds (the tests' own, and the one
    /// test.sh publishes for the API processes).
    /// </summary>
    public static void Runs(Uri server, string build) => Builds[server.GetLeftPart(UriPartial.Authority)] = build;

    /// <summary>The contract of the server at <paramref name="server"/>, asked once per build with <paramref name="fetchDocument"/>.</summary>
    public static Task<ApiContract> ForServerAsync(Uri server, Func<Uri, Task<string>> fetchDocument)
    {
        var authority = server.GetLeftPart(UriPartial.Authority);
        var key = Builds.TryGetValue(authority, out var build) ? build : authority;
        return ByServer.GetOrAdd(key, async _ =>
        {
            var text = await fetchDocument(new Uri(new Uri(authority), DocumentPath));
            var document = JsonNode.Parse(text)!.AsObject();
            // The servers entry names the address the document was asked at; everything else is the build's.
            document.Remove("servers");
            return ByDocument.GetOrAdd(document.ToJsonString(), _ => new ApiContract(document));
        }).ContinueWith(task =>
        {
            // A server that could not be asked (not up yet, or killed) is asked again next time.
            if (!task.IsCompletedSuccessfully) ByServer.TryRemove(key, out _);
            return task;
        }, TaskScheduler.Default).Unwrap();
    }

    /// <summary>The operation for this method and path (literal segments win over parameters), or null.</summary>
    public Operation? Find(string method, string path) => Matching(path).FirstOrDefault(o => o.Method == method);

    /// <summary>Whether any operation has this path (then a wrong method is a 405).</summary>
    public bool HasPath(string path) => Matching(path).Any();

    private IEnumerable<Operation> Matching(string path)
    {
        var segments = Segments(path).Select(Uri.UnescapeDataString).ToArray();
        return _operations
            .Where(o => o.Segments.Length == segments.Length && o.Segments.Zip(segments).All(pair =>
                IsParameter(pair.First) ? pair.Second.Length > 0 : string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(o => o.Segments.Count(s => !IsParameter(s)));
    }

    private static string[] Segments(string path) => path.Trim('/').Split('/', StringSplitOptions.None);

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    /// <summary>A body schema made self-contained: the document's schemas come along as <c>$defs</c>.</summary>
    internal static Lazy<JsonSchema> SchemaFor(JsonNode schema, JsonObject definitions) => new(() =>
    {
        var root = Rewritten(schema).AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = definitions.DeepClone();
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(root.ToJsonString(), options, new Uri($"https://contract.test/{Guid.NewGuid():N}"));
    });

    /// <summary>The document's references (<c>#/components/schemas/X</c>) as references into <c>$defs</c>.</summary>
    private static JsonNode Rewritten(JsonNode schema) =>
        JsonNode.Parse(schema.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal))!;

    /// <summary>
    /// A named object schema that does not say what other fields may come is taken as closed here: an answer with a
    /// field the document does not describe fails the test (the published document itself leaves room to grow).
    /// </summary>
    private static JsonNode Closed(JsonNode schema)
    {
        if (schema is JsonObject named && named.ContainsKey("properties") && !named.ContainsKey("additionalProperties"))
            named["additionalProperties"] = false;
        return schema;
    }
}

/// <summary>One operation of the document.</summary>
/// <param name="Request">The schema of its JSON body, if it takes one (clients may send fields it does not name).</param>
public sealed record Operation(
    string Method, string Template, string[] Segments, string Id, Lazy<JsonSchema>? Request, IReadOnlyDictionary<string, Answer> Answers);

/// <summary>One documented answer of an operation: its required headers and its bodies by media type (none: no body).</summary>
public sealed record Answer(IReadOnlyList<string> RequiredHeaders, IReadOnlyDictionary<string, Lazy<JsonSchema>> Bodies)
{
    public static Answer From(JsonObject response, JsonObject definitions) => new(
        (response["headers"]?.AsObject() ?? []).Where(h => h.Value?["required"]?.GetValue<bool>() == true).Select(h => h.Key).ToList(),
        (response["content"]?.AsObject() ?? []).ToDictionary(
            media => media.Key,
            media => ApiContract.SchemaFor(media.Value?["schema"] ?? new JsonObject(), definitions),
            StringComparer.OrdinalIgnoreCase));
}
