using MediatR;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Tables;

public static class RotateTableCode
{
    /// <summary>
    /// Gives the table a new code: the old one stops opening or joining its order at once (a phone that has it can no
    /// longer get in), while tokens already issued keep working.
    /// </summary>
    public sealed record Command(string Id) : ICommand<TableView>;

    public sealed class Handler(RestaurantDbContext db) : IRequestHandler<Command, TableView>
    {
        public async Task<TableView> Handle(Command command, CancellationToken cancellationToken)
        {
            var table = await db.LoadTableForChangeAsync(command.Id, cancellationToken);
            table.RotateCode();
            await db.SaveChangesAsync(cancellationToken);
            return await TableView.OfAsync(db, table, cancellationToken);
        }
    }
}
