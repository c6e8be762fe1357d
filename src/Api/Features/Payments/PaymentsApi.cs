using System.Security.Claims;
using MediatR;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Payments;

public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/{orderId}", async (string orderId, PayOrder.Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(
                    new PayOrder.Command(orderId, body.OrderId, body.Total, body.Payments ?? [], user.IsStaff(), user.Diner()), ct)))
            .RequireAuthorization(Access.OrderHolder)
            .AsIdempotentCommand();
        return app;
    }
}
