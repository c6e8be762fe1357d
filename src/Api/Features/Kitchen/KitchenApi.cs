using MediatR;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Kitchen;

public static class KitchenApi
{
    public static IEndpointRouteBuilder MapKitchen(this IEndpointRouteBuilder app)
    {
        var kitchen = app.MapGroup("/kitchen").WithTags("Kitchen").RequireAuthorization(Access.StaffOnly);
        kitchen.MapGet("/tickets", async (long? after, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetTickets.Query(after ?? 0), ct)));
        return app;
    }
}
