using System.Security.Claims;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.OpenApi;

namespace Restaurant.Api.Features.Payments;

public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/{orderId}", (string orderId, PayOrder.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
                commands.SendAsync(new PayOrder.Command(orderId, body.OrderId, body.Total, body.Payments ?? [], user.IsStaff()), TypedResults.Ok, ct))
            .RequireAuthorization(Access.OrderHolder)
            .WithName("payOrder").WithSummary("Pay the bill")
            .WithDescription("Settles the whole balance with 1 to 20 tenders in one call: cards by gateway token (with an optional " +
                             "tip on top) and cash (staff only). Every tender is tried; a declined card leaves the others charged, " +
                             "and the remainder is paid by another call. A card whose outcome is unknown stays `pending` until the " +
                             "gateway is asked again, and is never charged twice.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.RawCardData, ProblemCatalog.NotBilled, ProblemCatalog.OrderPaid,
                ProblemCatalog.TotalMismatch, ProblemCatalog.PaymentInProgress);
        return app;
    }
}
