using Restaurant.Api.Features.Events;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.Telemetry;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Orders;

public static class SubmitOrder
{
    /// <summary>Everything pending (not held) goes to the kitchen as one ticket; with nothing pending there is no ticket.</summary>
    public sealed record Command(string OrderId) : ICommand<Result>;

    public sealed record Result(TicketView? Ticket);

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock, RestaurantTelemetry telemetry) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            var ticket = order.Submit(clock.GetUtcNow());
            if (ticket is null) return new Result(null);
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(OrderEvents.TicketSent(order, ticket));
            telemetry.TicketSubmitted();
            return new Result(TicketView.From(order, ticket));
        }
    }
}
