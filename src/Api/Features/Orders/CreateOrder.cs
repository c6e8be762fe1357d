using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;
using Restaurant.Domain.Tables;

namespace Restaurant.Api.Features.Orders;

public static class CreateOrder
{
    public sealed record Body(string? Table, string? Code, int? Guests, string? Diner);

    /// <summary>
    /// Opens the table's order, or joins the one it has. A diner needs the table's current code and gets a token of their
    /// own either way; staff need no code, but only open (a table that has an order is 409 table_busy).
    /// </summary>
    public sealed record Command(string? Table, string? Code, int? Guests, string? Diner, bool ByStaff) : ICommand<Result>;

    /// <param name="Joined">True when the diner joined the order the table already had (200), false for a new order (201).</param>
    public sealed record Result(OrderView Order, bool Joined);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Table).NotEmpty().Must(Table.IsValidId).WithMessage(Table.IdRule);
            RuleFor(c => c.Guests).InclusiveBetween(1, Order.MaxGuests);
            RuleFor(c => c.Diner).MaximumLength(Order.MaxDinerLength).CleanText();
        }
    }

    public sealed class Handler(RestaurantDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            // The table's lock makes phones of one table take turns (PostgreSQL; SQLite's write lock does it anyway), so
            // twenty phones scanning the code at once make one order and nineteen joins. The unique index on a table's
            // active order stands behind it.
            var table = await db.LoadTableForChangeAsync(command.Table!, cancellationToken);
            if (!command.ByStaff && !table.Accepts(command.Code))
                throw new ApiProblem(StatusCodes.Status403Forbidden, "invalid_table_code",
                    $"That is not the current code of table {table.Id}: scan the code on the table again.");

            var order = await ActiveOrderAsync(table.Id, cancellationToken);
            if (order is not null && command.ByStaff) throw ApiProblem.TableBusy(table.Id, order.Id);
            var joined = order is not null;
            var now = clock.GetUtcNow();
            if (order is null)
            {
                order = Order.Open(Guid.CreateVersion7().ToString("N"), table.Id, command.Guests, now);
                db.Orders.Add(order);
            }

            var token = Access.NewAccessToken();
            db.DinerTokens.Add(order.Admit(Access.Hash(token), Blank(command.Diner), now));
            await db.SaveChangesAsync(cancellationToken);
            db.RecordEvent(joined ? OrderEvents.Joined(order, Blank(command.Diner)) : OrderEvents.Opened(order));
            return new Result(OrderView.From(order) with { AccessToken = token }, joined);
        }

        /// <summary>The order that holds the table, locked for the join; null when there is none (any more).</summary>
        private async Task<Order?> ActiveOrderAsync(string tableId, CancellationToken ct)
        {
            if (await db.ActiveOrderIdAsync(tableId, ct) is not { } orderId) return null;
            var order = await db.LoadOrderForChangeAsync(orderId, ct);
            // Paid or cancelled while this waited for its lock: the table is free, so this diner opens the next order.
            return order.IsActive ? order : null;
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
