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
        order.MapPost("/items", async (string id, ChangeItems.Body body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ChangeItems.Command(id, body.Add ?? [], body.Remove ?? []), ct))).AsCommand();
        order.MapPost("/submit", SubmitAsync).AsCommand();
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
        string id, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new SubmitOrder.Command(id), ct);
        return result.Ticket is null
            ? TypedResults.Ok(result)
            : TypedResults.Created($"/orders/{id}", result);
    }
}
