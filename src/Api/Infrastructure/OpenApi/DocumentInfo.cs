using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>The document's title, licence, contact, servers and tags.</summary>
public sealed class DocumentInfo : IOpenApiDocumentTransformer
{
    public const string Version = "1.0.0";

    /// <summary>Each tag of the document with what its operations are for, in the order of a table's life.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Tags =
    [
        ("Menu", "The menu: what can be ordered, the bundles that make a table's bill cheaper, and the staff's changes to it."),
        ("Tables", "Staff only: the restaurant's floor, each table with the code printed on it (as a QR code) and its order."),
        ("Orders", "A table's order: open or join it with the table's code, add and remove lines (many diners at once), send " +
                   "them to the kitchen, bill it; staff cancel one that was left."),
        ("Kitchen", "Staff only: the tickets sent to the kitchen, in the kitchen's sequence."),
        ("Events", "Server-Sent Events streams of an order's changes and of the kitchen's tickets, resumable with Last-Event-ID."),
        ("Payments", "Paying a billed order with cards (gateway tokens) and cash: all of it in one call, or each diner their share."),
        ("Health", "Whether the server is up (live) and can reach its database (ready)."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Restaurant API",
            Version = Version,
            Summary = "Table ordering: menu, orders, kitchen tickets, bills and payments.",
            Description =
                "The API that a diner's phone, a waiter's tablet and the kitchen talk to. An order's life is a few " +
                "coarse-grained steps, each one request: read the menu, open or join the table's order with the code on " +
                "the table, add and remove lines, send what is pending to the kitchen, bill the order (the whole table's " +
                "units are bundled for the lowest total) and pay it with cards and cash, in one call or each diner their share.\n\n" +
                "**Auth**: `Authorization: Bearer <token>` with a diner's access token (from `POST /orders`) or a staff key. " +
                "**Idempotency**: every POST takes an `Idempotency-Key`. **Errors**: RFC 9457 problems with a stable `code`. " +
                "**Money**: JSON numbers with at most two decimals, in the menu's currency.\n\n" +
                "The repository's docs/api.md is the contract in prose, with the error-code table and a worked example.",
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
            Contact = new OpenApiContact { Name = "Restaurant API maintainers" },
        };
        // The framework writes the address the document was asked at, with a trailing slash that would double every path's.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));
        return Task.CompletedTask;
    }
}
