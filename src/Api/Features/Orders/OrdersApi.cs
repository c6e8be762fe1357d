using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.OpenApi;

namespace Restaurant.Api.Features.Orders;

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", CreateAsync)
            .WithName("createOrder").WithSummary("Open a table's order")
            .WithDescription("Opens the order of a table that has no unpaid order, and answers it with its `accessToken`: " +
                             "the bearer token every diner of the table uses for this order. It is shown only here. Public.")
            .Refuses(ProblemCatalog.TableBusy);
        orders.MapGet("/", ListAsync).RequireAuthorization(Access.StaffOnly)
            .WithName("listOrders").WithSummary("List orders (staff)")
            .WithDescription("The restaurant's orders, newest first, optionally of one status.");

        var order = orders.MapGroup("/{id}").RequireAuthorization(Access.OrderHolder);
        order.MapGet("/", async (string id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetOrder.Query(id), ct)))
            .WithName("getOrder").WithSummary("Read an order")
            .WithDescription("The order as it is now: pending lines, tickets, the bill once there is one, payments and balance.")
            .Refuses(ProblemCatalog.OrderNotFound);
        order.MapPost("/items", (string id, ChangeItems.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new ChangeItems.Command(id, body.Add ?? [], body.Remove ?? [], user.IsStaff()), TypedResults.Ok, ct))
            .WithName("changeItems").WithSummary("Add and remove lines")
            .WithDescription("Adds lines (at the menu's current prices, options included) and removes pending or held ones, all of " +
                             "it or none of it. `hold` (staff only) keeps a line back until it is fired. Many diners may call this at " +
                             "once on one order: every call answered 200 has its lines in the order exactly once.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.UnknownMenuItem, ProblemCatalog.UnknownOption, ProblemCatalog.InvalidOptions,
                ProblemCatalog.UnknownLine, ProblemCatalog.ItemUnavailable, ProblemCatalog.LineSubmitted, ProblemCatalog.OrderBilled,
                ProblemCatalog.OrderPaid);
        order.MapPost("/submit", SubmitAsync)
            .WithName("submitOrder").WithSummary("Send the pending lines to the kitchen")
            .WithDescription("Sends every pending line that is not held to the kitchen as the order's next ticket (201), or answers " +
                             "200 with `ticket: null` when nothing is pending. A line added meanwhile is in this ticket or stays " +
                             "pending, never lost.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid);
        order.MapPost("/fire", FireAsync).RequireAuthorization(Access.StaffOnly)
            .WithName("fireOrder").WithSummary("Send the held lines to the kitchen (staff)")
            .WithDescription("Sends the held lines (of `course`, or all of them) to the kitchen as the order's next ticket (201), in " +
                             "the order's one numbering and the kitchen's one sequence; 200 with `ticket: null` when nothing is held. " +
                             "The body may be left out.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid);
        order.MapPost("/void", (string id, VoidLines.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new VoidLines.Command(id, body.Lines, body.Reason, user.Caller()), TypedResults.Ok, ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("voidLines").WithSummary("Void sent lines, with a reason (staff)")
            .WithDescription("Voids lines the kitchen has (all their units, or `quantity` of them: the line splits). The voided " +
                             "units leave the bill, and the kitchen gets a `void` ticket listing them in its one sequence. Who (the " +
                             "staff key's id), when and why are kept on the line. Before the bill only; a pending line is removed instead.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.UnknownLine, ProblemCatalog.LineNotSent, ProblemCatalog.InvalidStatusChange,
                ProblemCatalog.OrderBilled, ProblemCatalog.OrderPaid);
        order.MapPost("/comp", (string id, CompLines.Body body, ClaimsPrincipal user, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new CompLines.Command(id, body.Lines, body.Reason, user.Caller()), TypedResults.Ok, ct))
            .RequireAuthorization(Access.StaffOnly)
            .WithName("compLines").WithSummary("Comp lines, with a reason (staff)")
            .WithDescription("Comps lines: they stay on their tickets and on the bill at a price of 0, and fill no bundle. Who (the " +
                             "staff key's id), when and why are kept on the line. Before the bill only.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.UnknownLine, ProblemCatalog.InvalidStatusChange, ProblemCatalog.OrderBilled,
                ProblemCatalog.OrderPaid);
        order.MapPost("/bill", (string id, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new BillOrder.Command(id), TypedResults.Ok, ct))
            .WithName("billOrder").WithSummary("Bill the order")
            .WithDescription("Closes the order and prices it once, bundling the whole table's units for the lowest total; the bill " +
                             "is frozen, and asking again answers the same bill.")
            .Refuses(ProblemCatalog.OrderNotFound, ProblemCatalog.PendingItems, ProblemCatalog.EmptyOrder);
        return app;
    }

    private static Task<Created<OrderView>> CreateAsync(CreateOrder.Command command, CommandSender commands, CancellationToken ct) =>
        commands.SendAsync(command, created => TypedResults.Created($"/orders/{created.Id}", created), ct);

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
