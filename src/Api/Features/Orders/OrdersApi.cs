using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Orders;

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", CreateAsync).AsCommand();
        orders.MapGet("/", ListAsync).RequireAuthorization(Access.StaffOnly);

        var order = orders.MapGroup("/{id}").RequireAuthorization(Access.OrderHolder);
        order.MapGet("/", async (string id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetOrder.Query(id), ct)));
        order.MapPost("/items", async (string id, ChangeItems.Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ChangeItems.Command(id, body.Add ?? [], body.Remove ?? [], user.IsStaff()), ct))).AsCommand();
        order.MapPost("/submit", SubmitAsync).AsCommand();
        order.MapPost("/fire", FireAsync).RequireAuthorization(Access.StaffOnly).AsCommand();
        order.MapPost("/void", async (string id, VoidLines.Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new VoidLines.Command(id, body.Lines, body.Reason, user.Caller()), ct)))
            .RequireAuthorization(Access.StaffOnly).AsCommand();
        order.MapPost("/comp", async (string id, CompLines.Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CompLines.Command(id, body.Lines, body.Reason, user.Caller()), ct)))
            .RequireAuthorization(Access.StaffOnly).AsCommand();
        order.MapPost("/bill", async (string id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new BillOrder.Command(id), ct))).AsIdempotentCommand();
        return app;
    }

    private static async Task<Created<OrderView>> CreateAsync(CreateOrder.Command command, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command, ct);
        return TypedResults.Created($"/orders/{created.Id}", created);
    }

    private static async Task<Ok<IReadOnlyList<ListOrders.Summary>>> ListAsync(string? status, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListOrders.Query(status, limit), ct));

    private static async Task<Results<Created<SubmitOrder.Result>, Ok<SubmitOrder.Result>>> SubmitAsync(
        string id, IMediator mediator, CancellationToken ct) =>
        TicketResult(id, await mediator.Send(new SubmitOrder.Command(id), ct));

    /// <summary>The body is optional: without one (or without a course) every held line is fired.</summary>
    private static async Task<Results<Created<SubmitOrder.Result>, Ok<SubmitOrder.Result>>> FireAsync(
        string id, FireOrder.Body? body, IMediator mediator, CancellationToken ct) =>
        TicketResult(id, await mediator.Send(new FireOrder.Command(id, body?.Course), ct));

    /// <summary>201 with the ticket sent, or 200 with no ticket when there was nothing to send.</summary>
    private static Results<Created<SubmitOrder.Result>, Ok<SubmitOrder.Result>> TicketResult(string id, SubmitOrder.Result result) =>
        result.Ticket is null
            ? TypedResults.Ok(result)
            : TypedResults.Created($"/orders/{id}", result);
}
