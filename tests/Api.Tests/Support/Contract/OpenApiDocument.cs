using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support.Contract;

/// <summary>The served document as JSON, for tests that read it, and the repository's files that must agree with it.</summary>
public static class OpenApiDocument
{
    public static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<JsonObject> ReadAsync(RestaurantApi api)
    {
        var response = await api.Anonymous().GetAsync(ApiContract.DocumentPath);
        return await response.ReadOkJsonAsync();
    }

    /// <summary>Every operation: method, path and the operation object.</summary>
    public static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(entry => Methods.Contains(entry.Key))
            .Select(entry => (entry.Key.ToUpperInvariant(), path.Key, entry.Value!.AsObject())));

    /// <summary>Every node of the document, depth first.</summary>
    public static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
            foreach (var descendant in Descendants(child))
                yield return descendant;
    }

    /// <summary>A file of the repository (docs/api.md, http-samples/…), found from the test's build folder.</summary>
    public static string RepositoryFile(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Restaurant.sln")))
                return Path.Combine(folder.FullName, relativePath);
        throw new FileNotFoundException($"No Restaurant.sln above {AppContext.BaseDirectory}");
    }
}
