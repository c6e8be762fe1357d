using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Tables;

public static class DeleteTable
{
    /// <summary>Takes a table off the floor; one that holds an order (neither paid nor cancelled) stays: 409 table_busy.</summary>
    public sealed record Command(string Id) : ICommand<Unit>;

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            // The table's row lock (PostgreSQL) keeps a phone from opening an order between this check and the delete.
            var table = await db.LoadTableForChangeAsync(command.Id, cancellationToken);
            if (await db.ActiveOrderIdAsync(table.Id, cancellationToken) is { } orderId) throw ApiProblem.TableBusy(table.Id, orderId);
            db.Tables.Remove(table);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
