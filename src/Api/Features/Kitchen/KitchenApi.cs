using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.OpenApi;

namespace Restaurant.Api.Features.Kitchen;

public static class KitchenApi
{
    public static IEndpointRouteBuilder MapKitchen(this IEndpointRouteBuilder app)
    {
        var kitchen = app.MapGroup("/kitchen").WithTags("Kitchen").RequireAuthorization(Access.StaffOnly);
        kitchen.MapGet("/tickets", async (long? after, string? station, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetTickets.Query(after ?? 0, station), ct)))
            .WithName("getKitchenTickets").WithSummary("Read the kitchen's tickets (staff)")
            .WithDescription("The tickets of every order (order tickets and void tickets) in `sequence` order, after the last " +
                             "`sequence` the kitchen has seen. One order's tickets are numbered in the order they were committed, and a " +
                             "ticket is listed only once no ticket with a smaller `sequence` can still commit, so paging never skips " +
                             "one; a read waits up to a second for such writes to end, so a ticket whose submit was answered is " +
                             "listed by the next read. With `station`, only that station's lines, and only the tickets that have any, so a station's screen " +
                             "pages through its own tickets without a gap.");
        kitchen.MapPost("/tickets/{sequence}/status", (long sequence, SetTicketStatus.Body body, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new SetTicketStatus.Command(sequence, body.Status, body.LineIds), TypedResults.Ok, ct))
            .WithName("setTicketStatus").WithSummary("Move a ticket's lines forward (staff)")
            .WithDescription("The kitchen bumps a ticket: its lines (or those listed) become `preparing`, `ready` or `served`. A line " +
                             "never moves back and a voided line never moves; without `lineIds`, lines already at or past the status " +
                             "stay where they are. Answers the ticket.")
            .Refuses(ProblemCatalog.NotFound, ProblemCatalog.UnknownLine, ProblemCatalog.InvalidStatusChange);
        return app;
    }
}
