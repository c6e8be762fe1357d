using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain;

namespace Restaurant.Api.Features.Kitchen;

public static class SetTicketStatus
{
    public sealed record Body(string? Status, IReadOnlyList<string?>? LineIds);

    /// <summary>
    /// The kitchen bumps a ticket: its lines (or those listed) move forward to <see cref="Status"/>. A line never moves
    /// back and a voided line never moves; without lineIds, lines already at or past the status stay where they are.
    /// </summary>
    public sealed record Command(long Sequence, string? Status, IReadOnlyList<string?>? LineIds) : ICommand<KitchenTicket>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).NotNull().Must(s => s is null || LineStatusNames.KitchenMoves.ContainsKey(s))
                .WithMessage($"Status is {string.Join(", ", LineStatusNames.KitchenMoves.Keys)}, in lower case.");
            RuleFor(c => c.LineIds!.Count).InclusiveBetween(1, ChangeItems.MaxEntries).OverridePropertyName("lineIds")
                .When(c => c.LineIds is not null).WithMessage($"List 1 to {ChangeItems.MaxEntries} line ids, or leave lineIds out to move the whole ticket.");
            RuleForEach(c => c.LineIds).NotEmpty().MaximumLength(Domain.Menus.Menu.MaxIdLength).CleanText();
        }
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, KitchenTicket>
    {
        public async Task<KitchenTicket> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.Tickets.AsNoTracking().Where(t => t.Sequence == command.Sequence)
                            .Select(t => new { OrderId = EF.Property<string>(t, "OrderId"), t.Number })
                            .SingleOrDefaultAsync(cancellationToken)
                        ?? throw new ApiProblem(StatusCodes.Status404NotFound, "not_found", $"There is no kitchen ticket {command.Sequence}.");
            var order = await db.LoadOrderForChangeAsync(found.OrderId, cancellationToken);
            var moved = order.MoveLines(found.Number, LineStatusNames.KitchenMoves[command.Status!], command.LineIds?.Select(id => id!).ToList(), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            var ticket = order.Tickets.Single(t => t.Number == found.Number);
            db.RecordEvent(KitchenAndMoneyEvents.LineStatus(order, ticket, moved));
            return KitchenTicket.From(order, ticket);
        }
    }
}
