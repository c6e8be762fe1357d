using FluentValidation;
using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Tables;

namespace Restaurant.Api.Features.Tables;

public static class PutTable
{
    public sealed record Body(int? Seats);

    /// <summary>Creates the table with a new code (seats default to <see cref="Table.DefaultSeats"/>), or changes its seats and keeps its code.</summary>
    public sealed record Command(string Id, int? Seats) : ICommand<Result>;

    public sealed record Result(TableView Table, bool Created);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Id).Must(Table.IsValidId).OverridePropertyName("id").WithMessage(Table.IdRule);
            RuleFor(c => c.Seats).Must(seats => seats is null || Table.IsValidSeats(seats.Value)).WithMessage(Table.SeatsRule);
        }
    }

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var table = await db.FindTableForChangeAsync(command.Id, cancellationToken);
            var created = table is null;
            if (table is null)
            {
                // Two staff creating one table at once: the key refuses the second insert, and the command runs again
                // and finds the table (CommandTransaction).
                table = Table.Create(command.Id, command.Seats ?? Table.DefaultSeats);
                db.Tables.Add(table);
            }
            else if (command.Seats is { } seats)
            {
                table.SetSeats(seats);
            }
            await db.SaveChangesAsync(cancellationToken);
            return new Result(await TableView.OfAsync(db, table, cancellationToken), created);
        }
    }
}
