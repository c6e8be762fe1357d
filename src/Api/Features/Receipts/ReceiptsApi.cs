using MediatR;
using Microsoft.Net.Http.Headers;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.OpenApi;

namespace Restaurant.Api.Features.Receipts;

public static class ReceiptsApi
{
    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/orders/{id}/receipt", async (string id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var receipt = await mediator.Send(new GetReceipt.Query(id), ct);
                return WantsHtml(request)
                    ? Results.Text(ReceiptHtml.Render(receipt), "text/html; charset=utf-8")
                    : Results.Text(ReceiptText.Render(receipt), "text/plain; charset=utf-8");
            })
            .RequireAuthorization(Access.OrderHolder)
            .WithTags("Orders")
            .WithName("getReceipt").WithSummary("The order's receipt, as text or printable HTML")
            .WithDescription("Plain text by default; printable HTML for `Accept: text/html`. The restaurant's name " +
                             "(Restaurant:Name), the table, the date, every line with its options (voided lines left out, comps " +
                             "shown), bundles with their savings, discounts, service charge, tax, total, each tender (method, and a " +
                             "card's brand and last 4 where the gateway told them, with its tip), refunds and the balance.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain", "text/html")
            .Refuses(ProblemCatalog.OrderNotFound);
        return app;
    }

    /// <summary>HTML only when the caller asks for it by name and prefers it to plain text.</summary>
    private static bool WantsHtml(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        var html = accepted.Where(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var text = accepted.Where(a => a.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        return html > 0 && html >= text;
    }
}
