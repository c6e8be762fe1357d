using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Orders;

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", CreateAsync);
        orders.MapGet("/", ListAsync).RequireAuthorization(Access.StaffOnly);

        var order = orders.MapGroup("/{id}").RequireAuthorization(Access.OrderHolder);
        order.MapGet("/", async (string id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetOrder.Query(id), ct)));
        order.MapPost("/items", (string id, ChangeItems.Body body, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new ChangeItems.Command(id, body.Add ?? [], body.Remove ?? []), TypedResults.Ok, ct));
        order.MapPost("/submit", SubmitAsync);
        order.MapPost("/bill", (string id, CommandSender commands, CancellationToken ct) =>
            commands.SendAsync(new BillOrder.Command(id), TypedResults.Ok, ct));
        return app;
    }

    private static Task<Created<OrderView>> CreateAsync(CreateOrder.Command command, CommandSender commands, CancellationToken ct) =>
        commands.SendAsync(command, created => TypedResults.Created($"/orders/{created.Id}", created), ct);

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
