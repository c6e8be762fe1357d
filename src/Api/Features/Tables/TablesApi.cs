using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.OpenApi;

namespace Restaurant.Api.Features.Tables;

public static class TablesApi
{
    public static IEndpointRouteBuilder MapTables(this IEndpointRouteBuilder app)
    {
        var tables = app.MapGroup("/tables").WithTags("Tables").RequireAuthorization(Access.StaffOnly);
        tables.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListTables.Query(), ct)))
            .WithName("listTables").WithSummary("The floor (staff)")
            .WithDescription("Every table by id (numbers in numeric order), with its seats, its code (to print as the table's QR " +
                             "code) and the order that holds it, if any.");
        tables.MapPut("/{id}", PutAsync)
            .WithName("putTable").WithSummary("Create a table or change its seats (staff)")
            .WithDescription("Creates the table with a new random code (201; seats default to 4), or changes the seats of an " +
                             "existing one and keeps its code (200). The body may be left out.");
        tables.MapPost("/{id}/code", (string id, CommandSender commands, CancellationToken ct) =>
                commands.SendAsync(new RotateTableCode.Command(id), TypedResults.Ok, ct))
            .WithName("rotateTableCode").WithSummary("Give a table a new code (staff)")
            .WithDescription("Replaces the table's code: the old one stops opening or joining its order at once, while tokens " +
                             "already issued keep working. Print the new code.")
            .Refuses(ProblemCatalog.TableNotFound);
        tables.MapDelete("/{id}", (string id, CommandSender commands, CancellationToken ct) =>
                commands.SendAsync(new DeleteTable.Command(id), _ => TypedResults.NoContent(), ct))
            .WithName("deleteTable").WithSummary("Take a table off the floor (staff)")
            .WithDescription("Removes the table; one that holds an order (neither paid nor cancelled) stays, and the problem names the order.")
            .Refuses(ProblemCatalog.TableNotFound, ProblemCatalog.TableBusy);
        return app;
    }

    /// <summary>The body may be left out: a new table then seats the default, an existing one keeps its seats.</summary>
    private static Task<Results<Created<TableView>, Ok<TableView>>> PutAsync(string id, PutTable.Body? body, CommandSender commands, CancellationToken ct) =>
        commands.SendAsync(new PutTable.Command(id, body?.Seats), result => Put(result), ct);

    private static Results<Created<TableView>, Ok<TableView>> Put(PutTable.Result result) =>
        result.Created
            ? TypedResults.Created($"/tables/{result.Table.Id}", result.Table)
            : TypedResults.Ok(result.Table);
}
