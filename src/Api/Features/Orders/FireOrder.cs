using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.Telemetry;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Features.Orders;

public static class FireOrder
{
    public sealed record Body(int? Course);

    /// <summary>The held lines (of one course, or all) go to the kitchen as the order's next ticket.</summary>
    public sealed record Command(string OrderId, int? Course) : ICommand<SubmitOrder.Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Course).Must(c => c is null || MenuItem.IsValidCourse(c.Value))
            .WithMessage($"A course is 1 to {MenuItem.MaxCourse}.");
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock, RestaurantTelemetry telemetry) : IRequestHandler<Command, SubmitOrder.Result>
    {
        public async Task<SubmitOrder.Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
            var ticket = order.Fire(command.Course, clock.GetUtcNow());
            if (ticket is null) return new SubmitOrder.Result(null);
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(OrderEvents.TicketSent(order, ticket));
            telemetry.TicketSubmitted();
            return new SubmitOrder.Result(TicketView.From(order, ticket));
        }
    }
}
