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
            TypedResults.Ok(await mediator.Send(new ChangeItems.Command(id, body.Add ?? [], body.Remove ?? [], user.Diner()), ct))).AsCommand();
        order.MapPost("/submit", SubmitAsync).AsCommand();
        order.MapPost("/bill", async (string id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new BillOrder.Command(id), ct))).AsIdempotentCommand();
        order.MapPost("/cancel", async (string id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CancelOrder.Command(id), ct))).RequireAuthorization(Access.StaffOnly).AsCommand();
        return app;
    }

    /// <summary>201 for a new order, 200 for a diner who joined the table's order; either way with this caller's token.</summary>
    private static async Task<Results<Created<OrderView>, Ok<OrderView>>> CreateAsync(
        CreateOrder.Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new CreateOrder.Command(body.Table, body.Code, body.Guests, body.Diner, user.IsStaff()), ct);
        return result.Joined
            ? TypedResults.Ok(result.Order)
            : TypedResults.Created($"/orders/{result.Order.Id}", result.Order);
    }

    private static async Task<Ok<IReadOnlyList<ListOrders.Summary>>> ListAsync(string? status, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListOrders.Query(status, limit), ct));

    private static async Task<Results<Created<SubmitOrder.Result>, Ok<SubmitOrder.Result>>> SubmitAsync(
        string id, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new SubmitOrder.Command(id), ct);
        return result.Ticket is null
            ? TypedResults.Ok(result)
            : TypedResults.Created($"/orders/{id}", result);
    }
}
