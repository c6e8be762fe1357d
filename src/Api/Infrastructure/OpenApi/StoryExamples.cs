using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// Examples from the seed's story (table 12: John, Jane and Derek, billed 20.00), answers as the server gave them.
/// Each is a file of Examples/ named <c>operationId.request.json</c> or <c>operationId.status.json</c>, holding
/// <c>{ summary, value }</c>; an example for an answer the operation does not have stops the document.
/// </summary>
public sealed class StoryExamples : IOpenApiOperationTransformer
{
    private const string ResourcePrefix = "Restaurant.Api.Infrastructure.OpenApi.Examples.";

    private sealed record Example(string OperationId, string Part, string Summary, JsonNode Value);

    private static readonly Lazy<IReadOnlyList<Example>> All = new(Load);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var example in All.Value.Where(e => e.OperationId == operation.OperationId))
        {
            var content = example.Part == "request"
                ? operation.RequestBody?.Content
                : operation.Responses?.GetValueOrDefault(example.Part)?.Content;
            var media = content?.Values.SingleOrDefault()
                ?? throw new InvalidOperationException($"The example {example.OperationId}.{example.Part} names no body of that operation.");
            media.Examples ??= new Dictionary<string, IOpenApiExample>();
            media.Examples["story"] = new OpenApiExample { Summary = example.Summary, Value = example.Value.DeepClone() };
        }
        return Task.CompletedTask;
    }

    private static IReadOnlyList<Example> Load()
    {
        var assembly = typeof(StoryExamples).Assembly;
        return assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(name =>
        {
            var parts = name[ResourcePrefix.Length..].Split('.');
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonNode.Parse(stream)!;
            return new Example(parts[0], parts[1], file["summary"]!.GetValue<string>(), file["value"]!);
        }).ToList();
    }
}
