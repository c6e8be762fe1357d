using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.OpenApi;

namespace Restaurant.Api.Features.Menu;

public static class MenuApi
{
    public static IEndpointRouteBuilder MapMenu(this IEndpointRouteBuilder app)
    {
        var menu = app.MapGroup("/menu").WithTags("Menu");
        menu.MapGet("/", GetMenuAsync)
            .WithName("getMenu").WithSummary("Read the menu")
            .WithDescription("The menu in effect now (or, with `version`, any version, to read a scheduled one ahead of time): " +
                             "its items with their prices and availability, and the bundles a bill applies. Public.")
            .WithETag().Refuses(ProblemCatalog.NotFound);
        menu.MapPut("/", PutMenuAsync).RequireAuthorization(Access.StaffOnly)
            .WithName("putMenu").WithSummary("Publish a menu (staff)")
            .WithDescription("Publishes a whole menu as the next version, in effect at once or from `effectiveFrom`. Lines " +
                             "already ordered keep their price; a bill uses the bundles of the menu in effect when it is billed.");
        menu.MapPut("/items/{id}/availability", (string id, SetAvailability.Body body, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new SetAvailability.Command(id, body.Available), TypedResults.Ok, ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("setItemAvailability").WithSummary("Take an item off the menu or bring it back (staff)")
            .WithDescription("\"86\"s an item (or brings it back) at once, in the menu in effect and in every scheduled version " +
                             "that lists it. Lines already ordered stay.")
            .Refuses(ProblemCatalog.UnknownMenuItem);
        // A sibling of the item's own: an option is 86'd the same way, and the answer is the item with its options.
        menu.MapPut("/items/{id}/options/{optionId}/availability",
                (string id, string optionId, SetAvailability.Body body, CommandSender commands, CancellationToken ct) =>
                    commands.SendAsync(new SetAvailability.Command(id, body.Available, optionId), TypedResults.Ok, ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("setOptionAvailability").WithSummary("Take an option of an item off the menu or bring it back (staff)")
            .WithDescription("\"86\"s one option of an item (the bacon of the burger's extras) or brings it back, at once, in the menu " +
                             "in effect and in every scheduled version that lists it; the item itself stays on. Answers the item. " +
                             "Lines already ordered keep their options.")
            .Refuses(ProblemCatalog.UnknownMenuItem, ProblemCatalog.UnknownOption);
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
