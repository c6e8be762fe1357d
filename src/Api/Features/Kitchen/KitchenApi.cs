using MediatR;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Kitchen;

public static class KitchenApi
{
    public static IEndpointRouteBuilder MapKitchen(this IEndpointRouteBuilder app)
    {
        var kitchen = app.MapGroup("/kitchen").WithTags("Kitchen").RequireAuthorization(Access.StaffOnly);
        kitchen.MapGet("/tickets", async (long? after, string? station, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetTickets.Query(after ?? 0, station), ct)));
        kitchen.MapPost("/tickets/{sequence}/status", async (long sequence, SetTicketStatus.Body body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SetTicketStatus.Command(sequence, body.Status, body.LineIds), ct))).AsCommand();
        return app;
    }
}
