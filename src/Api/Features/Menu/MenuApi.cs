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
        menu.MapPut("/", PutMenuAsync).RequireAuthorization(Access.StaffOnly);
        menu.MapPut("/items/{id}/availability", (string id, SetAvailability.Body body, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new SetAvailability.Command(id, body.Available), TypedResults.Ok, ct))
            .RequireAuthorization(Access.StaffOnly);
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

    private static Task<Created<PutMenu.Result>> PutMenuAsync(PutMenu.Command command, CommandSender commands, CancellationToken ct) =>
        commands.SendAsync(command, published => TypedResults.Created($"/menu?version={published.Version}", published), ct);
}
