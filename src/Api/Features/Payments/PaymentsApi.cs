using System.Security.Claims;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Payments;

public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/{orderId}", (string orderId, PayOrder.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
                commands.SendAsync(new PayOrder.Command(orderId, body.OrderId, body.Total, body.Payments ?? [], user.IsStaff()), TypedResults.Ok, ct))
            .RequireAuthorization(Access.OrderHolder);
        return app;
    }
}
