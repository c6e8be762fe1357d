using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Tables;

public static class TablesApi
{
    public static IEndpointRouteBuilder MapTables(this IEndpointRouteBuilder app)
    {
        var tables = app.MapGroup("/tables").WithTags("Tables").RequireAuthorization(Access.StaffOnly);
        tables.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListTables.Query(), ct)));
        tables.MapPut("/{id}", PutAsync).AsCommand();
        tables.MapPost("/{id}/code", async (string id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new RotateTableCode.Command(id), ct))).AsCommand();
        tables.MapDelete("/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteTable.Command(id), ct);
            return TypedResults.NoContent();
        }).AsCommand();
        return app;
    }

    /// <summary>
    /// The body may be left out: a new table then seats the default, an existing one keeps its seats. No Location: the
    /// table's address is the one just used, and the floor is read whole (GET /tables).
    /// </summary>
    private static async Task<Results<Created<TableView>, Ok<TableView>>> PutAsync(string id, PutTable.Body? body, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new PutTable.Command(id, body?.Seats), ct);
        return result.Created
            ? TypedResults.Created((string?)null, result.Table)
            : TypedResults.Ok(result.Table);
    }
}
