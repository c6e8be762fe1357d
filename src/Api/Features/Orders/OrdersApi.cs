using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.OpenApi;

namespace Restaurant.Api.Features.Orders;

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", CreateAsync)
            .WithName("createOrder").WithSummary("Open or join a table's order")
            .WithDescription("A diner sends the table's `code` (from the QR code on the table): if the table has an order that is " +
                             "neither paid nor cancelled they join it (200), otherwise they open it (201, with `Location`). Either " +
                             "way the answer carries an `accessToken` of their own, shown only here; `diner` names its holder. Staff " +
                             "open without a code, and get table_busy (with the `orderId`) for a table that has an order. Public.")
            .Refuses(ProblemCatalog.InvalidTableCode, ProblemCatalog.TableNotFound, ProblemCatalog.TableBusy);
        orders.MapGet("/", ListAsync).RequireAuthorization(Access.StaffOnly)
            .WithName("listOrders").WithSummary("List orders (staff)")
            .WithDescription("The restaurant's orders, newest first, optionally of one status.");

        var order = orders.MapGroup("/{id}").RequireAuthorization(Access.OrderHolder);
        order.MapGet("/", GetAsync)
            .WithName("getOrder").WithSummary("Read an order")
            .WithDescription("The order as it is now: its status and payment status, version, pending lines, tickets, the bill " +
                             "once there is one (each diner's share and what they paid), payments and balance. The `ETag` is the " +
                             "order's version: a phone that sends it back in `If-None-Match` gets 304 until the order changes, " +
                             "answered from the version alone.")
            .WithETag().Refuses(ProblemCatalog.OrderNotFound);
        order.MapPost("/items", (string id, ChangeItems.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new ChangeItems.Command(id, body.Add ?? [], body.Remove ?? [], user.Diner()), TypedResults.Ok, ct))
            .WithName("changeItems").WithSummary("Add and remove lines")
            .WithDescription("Adds lines (at the menu's current prices) and removes pending ones, all of it or none of it. Many " +
                             "diners may call this at once on one order: every call answered 200 has its lines in the order exactly once. " +
                             "A line added without a `diner` is the caller's, by the name on their token.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.UnknownMenuItem, ProblemCatalog.UnknownLine, ProblemCatalog.ItemUnavailable,
                ProblemCatalog.LineSubmitted, ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid, ProblemCatalog.OrderCancelled);
        order.MapPost("/submit", SubmitAsync)
            .WithName("submitOrder").WithSummary("Send the pending lines to the kitchen")
            .WithDescription("Sends every pending line to the kitchen as the order's next ticket (201), or answers 200 with " +
                             "`ticket: null` when nothing is pending. A line added meanwhile is in this ticket or stays pending, never lost.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid, ProblemCatalog.OrderCancelled);
        order.MapPost("/bill", (string id, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new BillOrder.Command(id), TypedResults.Ok, ct))
            .WithName("billOrder").WithSummary("Bill the order")
            .WithDescription("Closes the order and prices it once, bundling the whole table's units for the lowest total; the bill " +
                             "is frozen, and asking again answers the same bill (with what each diner has paid so far).")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.PendingItems, ProblemCatalog.EmptyOrder, ProblemCatalog.OrderCancelled);
        order.MapPost("/cancel", (string id, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new CancelOrder.Command(id), TypedResults.Ok, ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("cancelOrder").WithSummary("Cancel an order (staff)")
            .WithDescription("Cancels an order that left nothing with the kitchen and took no money: it frees its table and takes " +
                             "no change from then on. The server does the same to an order on which nothing was ever sent once it " +
                             "stood Restaurant:AbandonedOrderTimeout (2 hours) without a change.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.OrderNotCancellable, ProblemCatalog.OrderCancelled);
        return app;
    }

    /// <summary>304 when the caller's copy is current (checked on the version alone), else the order with its ETag.</summary>
    private static async Task<Results<Ok<OrderView>, StatusCodeHttpResult>> GetAsync(string id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var held = http.Request.GetTypedHeaders().IfNoneMatch;
        if (held.Count > 0)
        {
            var current = GetOrder.ETagOf(await mediator.Send(new GetOrder.VersionQuery(id), ct));
            if (held.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == current))
            {
                http.Response.Headers.ETag = current;
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
        }
        var view = await mediator.Send(new GetOrder.Query(id), ct);
        http.Response.Headers.ETag = GetOrder.ETagOf(view.Version);
        return TypedResults.Ok(view);
    }

    /// <summary>201 for a new order, 200 for a diner who joined the table's order; either way with this caller's own token.</summary>
    private static Task<Results<Created<OrderView>, Ok<OrderView>>> CreateAsync(
        CreateOrder.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
        commands.SendAsync(new CreateOrder.Command(body.Table, body.Code, body.Guests, body.Diner, user.IsStaff()), result => Opened(result), ct);

    private static Results<Created<OrderView>, Ok<OrderView>> Opened(CreateOrder.Result result) =>
        result.Joined
            ? TypedResults.Ok(result.Order)
            : TypedResults.Created($"/orders/{result.Order.Id}", result.Order);

    private static async Task<Ok<IReadOnlyList<ListOrders.Summary>>> ListAsync(string? status, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListOrders.Query(status, limit), ct));

    private static Task<Results<Created<SubmitOrder.Result>, Ok<SubmitOrder.Result>>> SubmitAsync(
        string id, CommandSender commands, CancellationToken ct) =>
        commands.SendAsync(new SubmitOrder.Command(id), result => Submitted(id, result), ct);

    private static Results<Created<SubmitOrder.Result>, Ok<SubmitOrder.Result>> Submitted(string id, SubmitOrder.Result result) =>
        result.Ticket is null
            ? TypedResults.Ok(result)
            : TypedResults.Created($"/orders/{id}", result);
}
