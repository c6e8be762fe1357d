using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// The transaction a command runs in (<see cref="CommandTransactionBehavior{TRequest,TResponse}"/>; a stepped command
/// uses it for each of its steps).
/// </summary>
public static class CommandTransaction
{
    private const int MaxAttempts = 8;

    /// <summary>
    /// Runs <paramref name="work"/> in one command transaction (on SQLite a write-locked BEGIN IMMEDIATE), and again
    /// from a fresh read when the database refuses it for contention.
    /// </summary>
    public static async Task<T> InCommandTransactionAsync<T>(this RestaurantDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var writer = await db.EnterWriteGateAsync(ct);
            await using var transaction = await db.BeginCommandTransactionAsync(ct);
            try
            {
                var result = await work();
                await transaction.CommitAsync(CancellationToken.None);
                return result;
            }
            catch (Exception exception) when (attempt < MaxAttempts && DbErrors.IsContention(exception))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                writer.Dispose();
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 5 << attempt), ct);
            }
        }
    }
}
