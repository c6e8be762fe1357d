using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Menu;

public static class MenuApi
{
    public static IEndpointRouteBuilder MapMenu(this IEndpointRouteBuilder app)
    {
        var menu = app.MapGroup("/menu").WithTags("Menu");
        menu.MapGet("/", GetMenuAsync);
        menu.MapPut("/", PutMenuAsync).RequireAuthorization(Access.StaffOnly).AsCommand();
        menu.MapPut("/items/{id}/availability", async (string id, SetAvailability.Body body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SetAvailability.Command(id, body.Available), ct)))
            .RequireAuthorization(Access.StaffOnly).AsCommand();
        // A sibling of the item's own: an option is 86'd the same way, and the answer is the item with its options.
        menu.MapPut("/items/{id}/options/{optionId}/availability",
                async (string id, string optionId, SetAvailability.Body body, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new SetAvailability.Command(id, body.Available, optionId), ct)))
            .RequireAuthorization(Access.StaffOnly).AsCommand();
        return app;
    }

    private static async Task<Results<Ok<MenuView>, StatusCodeHttpResult>> GetMenuAsync(
        int? version, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new GetMenu.Query(version), ct);
        http.Response.Headers.ETag = result.ETag;
        var cached = http.Request.GetTypedHeaders().IfNoneMatch
            .Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == result.ETag);
        return cached
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(result.Menu);
    }

    private static async Task<Created<PutMenu.Result>> PutMenuAsync(PutMenu.Command command, IMediator mediator, CancellationToken ct)
    {
        var published = await mediator.Send(command, ct);
        return TypedResults.Created($"/menu?version={published.Version}", published);
    }
}
