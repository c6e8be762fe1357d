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
                commands.SendAsync(new PayOrder.Command(orderId, body.OrderId, body.Total, body.Payments ?? [], user.IsStaff(), user.Diner()),
                    TypedResults.Ok, ct))
            .RequireAuthorization(Access.OrderHolder)
            .WithName("payOrder").WithSummary("Pay the bill, or a part of it")
            .WithDescription("Pays `total` (the sum of its 1 to 20 tenders) of the balance: all of it, or a diner's own share while " +
                             "the others pay theirs. Cards by gateway token (with an optional tip on top) and cash (staff only); " +
                             "`diner` says whose share a tender pays (by default the name on the caller's token). Cards still being " +
                             "confirmed hold their amount back, so no two calls ever pay the same money. Every tender is tried; a " +
                             "declined card leaves the others charged, and the rest is paid by further calls. A card whose outcome is " +
                             "unknown stays `pending` until the gateway is asked again, and is never charged twice.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.RawCardData, ProblemCatalog.NotBilled, ProblemCatalog.OrderPaid,
                ProblemCatalog.OrderCancelled, ProblemCatalog.TotalExceedsBalance);
        payments.MapPost("/{orderId}/refunds", (string orderId, RefundPayment.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
                commands.SendAsync(new RefundPayment.Command(orderId, body.TenderId, body.Amount, body.Reason, user.Caller()),
                    refund => TypedResults.Created($"/orders/{orderId}", refund), ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("refundPayment").WithSummary("Refund part or all of a tender, with a reason (staff)")
            .WithDescription("Gives back `amount` of a succeeded tender. A card refund is written (`pending`) before the card " +
                             "gateway is asked, under its own idempotency key, so it is never sent twice, even across a crash; its " +
                             "answer (`succeeded`, `failed`, or still `pending` until the gateway settles it) is recorded as it comes. " +
                             "Cash refunds are recorded at once. A tender's refunds never add up to more than it took (amount and " +
                             "tip); two refunds of one tender at once take turns. Who (the staff key's id), when and why are kept.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.RefundExceedsPayment, ProblemCatalog.TenderNotRefundable);
        return app;
    }
}
