using MediatR;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Kitchen;

public static class KitchenApi
{
    public static IEndpointRouteBuilder MapKitchen(this IEndpointRouteBuilder app)
    {
        var kitchen = app.MapGroup("/kitchen").WithTags("Kitchen").RequireAuthorization(Access.StaffOnly);
        kitchen.MapGet("/tickets", async (long? after, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetTickets.Query(after ?? 0), ct)))
            .WithName("getKitchenTickets").WithSummary("Read the kitchen's tickets (staff)")
            .WithDescription("The tickets of every order in the order they were committed, after the last `sequence` the kitchen has seen.");
        return app;
    }
}
