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
        order.MapPost("/items", (string id, ChangeItems.Body body, HttpRequest request, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new ChangeItems.Command(id, body.Add ?? [], body.Remove ?? [], user.Diner(), user.IsStaff(),
                ReturnPreference.IsMinimal(request.Headers[ReturnPreference.PreferHeader])), ItemsChanged, ct))
            .WithName("changeItems").WithSummary("Add and remove lines")
            .WithDescription("Adds lines (at the menu's current prices, options included) and removes pending or held ones, all of " +
                             "it or none of it. `hold` (staff only) keeps a line back until it is fired. Many diners may call this at " +
                             "once on one order: every call answered 200 has its lines in the order exactly once. A line added " +
                             "without a `diner` is the caller's, by the name on their token. With `Prefer: return=minimal` the answer " +
                             "is only what the call did (the lines added, the ids removed, the new `version`, the order's units and " +
                             "pending lines), with `Preference-Applied: return=minimal`; otherwise the whole order.")
            .AnswersMinimal<ItemsChangedView>()
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.UnknownMenuItem, ProblemCatalog.UnknownOption, ProblemCatalog.InvalidOptions,
                ProblemCatalog.UnknownLine, ProblemCatalog.ItemUnavailable, ProblemCatalog.LineSubmitted, ProblemCatalog.OrderBilled,
                ProblemCatalog.OrderPaid, ProblemCatalog.OrderCancelled);
        order.MapPost("/submit", SubmitAsync)
            .WithName("submitOrder").WithSummary("Send the pending lines to the kitchen")
            .WithDescription("Sends every pending line that is not held to the kitchen as the order's next ticket (201), or answers " +
                             "200 with `ticket: null` when nothing is pending. A line added meanwhile is in this ticket or stays " +
                             "pending, never lost.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid, ProblemCatalog.OrderCancelled);
        order.MapPost("/fire", FireAsync).RequireAuthorization(Access.StaffOnly)
            .WithName("fireOrder").WithSummary("Send the held lines to the kitchen (staff)")
            .WithDescription("Sends the held lines (of `course`, or all of them) to the kitchen as the order's next ticket (201), in " +
                             "the order's one numbering and the kitchen's one sequence; 200 with `ticket: null` when nothing is held. " +
                             "The body may be left out.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid, ProblemCatalog.OrderCancelled);
        order.MapPost("/void", (string id, VoidLines.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new VoidLines.Command(id, body.Lines, body.Reason, user.Caller()), TypedResults.Ok, ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("voidLines").WithSummary("Void sent lines, with a reason (staff)")
            .WithDescription("Voids lines the kitchen has (all their units, or `quantity` of them: the line splits). The voided " +
                             "units leave the bill, and the kitchen gets a `void` ticket listing them in its one sequence. Who (the " +
                             "staff key's id), when and why are kept on the line. Before the bill only; a pending line is removed instead.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.UnknownLine, ProblemCatalog.LineNotSent, ProblemCatalog.InvalidStatusChange,
                ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid, ProblemCatalog.OrderCancelled);
        order.MapPost("/comp", (string id, CompLines.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new CompLines.Command(id, body.Lines, body.Reason, user.Caller()), TypedResults.Ok, ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("compLines").WithSummary("Comp lines, with a reason (staff)")
            .WithDescription("Comps lines: they stay on their tickets and on the bill at a price of 0, and fill no bundle. Who (the " +
                             "staff key's id), when and why are kept on the line. Before the bill only.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.UnknownLine, ProblemCatalog.InvalidStatusChange, ProblemCatalog.OrderBilled,
                ProblemCatalog.OrderPaid, ProblemCatalog.OrderCancelled);
        order.MapPost("/discounts", (string id, AddDiscount.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new AddDiscount.Command(id, body.Kind, body.Value, body.Reason, user.Caller()),
                discount => TypedResults.Created($"/orders/{id}", discount), ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("addDiscount").WithSummary("Give the order a discount, with a reason (staff)")
            .WithDescription("A percentage (0 < value ≤ 100) or an amount (> 0) off what is left after comps and bundles: " +
                             "percentages first, each on what the ones before left, then amounts, never below zero; tax is on the " +
                             "discounted amount. Who (the staff key's id), when and why are kept. Before the bill only.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid, ProblemCatalog.OrderCancelled);
        order.MapDelete("/discounts/{discountId}", (string id, string discountId, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new RemoveDiscount.Command(id, discountId, user.Caller()), _ => TypedResults.NoContent(), ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("removeDiscount").WithSummary("Take a discount back (staff)")
            .WithDescription("Removes a discount in force (it stays on record with who removed it and when). Before the bill only; " +
                             "a discount the order does not have in force is `404 not_found`.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.NotFound, ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid,
                ProblemCatalog.OrderCancelled);
        order.MapPost("/service-charge", (string id, SetServiceCharge.Body body, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new SetServiceCharge.Command(id, body.Rate), TypedResults.Ok, ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("setServiceCharge").WithSummary("Set the order's service charge rate (staff)")
            .WithDescription("Sets this order's service charge rate (0 to 0.5), overriding the menu's rule by guests; 0 waives it. " +
                             "The bill charges it on what is left after discounts, and taxes it when the menu's rule says it is taxable " +
                             "(with no rule, it is). Before the bill only.")
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
            .WithDescription("Cancels an order that left nothing with the kitchen (nothing sent, or every sent line voided) and took no money: " +
                             "it frees its table and takes " +
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

    /// <summary>The whole order, or the minimal answer the caller preferred.</summary>
    private static Results<Ok<OrderView>, MinimalAnswer<ItemsChangedView>> ItemsChanged(ChangeItems.Result result) =>
        result.Change is { } change ? new MinimalAnswer<ItemsChangedView>(change) : TypedResults.Ok(result.Order);

    private static async Task<Ok<IReadOnlyList<ListOrders.Summary>>> ListAsync(string? status, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListOrders.Query(status, limit), ct));

    private static Task<Results<Created<SubmitOrder.Result>, Ok<SubmitOrder.Result>>> SubmitAsync(
        string id, CommandSender commands, CancellationToken ct) =>
        commands.SendAsync(new SubmitOrder.Command(id), result => Submitted(id, result), ct);

    /// <summary>The body is optional: without one (or without a course) every held line is fired.</summary>
    private static Task<Results<Created<SubmitOrder.Result>, Ok<SubmitOrder.Result>>> FireAsync(
        string id, FireOrder.Body? body, CommandSender commands, CancellationToken ct) =>
        commands.SendAsync(new FireOrder.Command(id, body?.Course), result => Submitted(id, result), ct);

    private static Results<Created<SubmitOrder.Result>, Ok<SubmitOrder.Result>> Submitted(string id, SubmitOrder.Result result) =>
        result.Ticket is null
            ? TypedResults.Ok(result)
            : TypedResults.Created($"/orders/{id}", result);
}
