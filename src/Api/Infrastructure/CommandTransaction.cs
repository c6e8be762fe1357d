using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// The transaction a command runs in (<see cref="CommandTransactionBehavior{TRequest,TResponse}"/>; a stepped command
/// uses it for each of its steps).
/// </summary>
public static class CommandTransaction
{
    private const int MaxAttempts = 8;
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs <paramref name="work"/> in one command transaction (on SQLite a write-locked BEGIN IMMEDIATE), and again
    /// from a fresh read when the database refuses it for contention, or, once, when the server dropped the connection
    /// before the commit (a restart: nothing was committed, and a fresh connection may already get through). A failure
    /// during the commit itself is never repeated here: whether it committed is unknown, and it is reported as
    /// <see cref="WriteOutcomeUnknownException"/>.
    /// </summary>
    public static async Task<T> InCommandTransactionAsync<T>(this RestaurantDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        var reconnected = false;
        for (var attempt = 1; ; attempt++)
        {
            using var writer = await db.EnterWriteGateAsync(ct);
            await using var transaction = await db.BeginCommandTransactionAsync(ct);
            db.Outbox.Clear();
            var committing = false;
            try
            {
                var result = await work();
                // The outbox: the change's events go in with it, or neither does.
                var announced = await db.WriteOutboxAsync(ct);
                committing = true;
                await transaction.CommitAsync(CancellationToken.None);
                if (announced) db.AnnounceCommittedEvents();
                return result;
            }
            catch (Exception exception) when (attempt < MaxAttempts && DbErrors.IsContention(exception))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                writer.Dispose();
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 5 << attempt), ct);
            }
            catch (Exception exception) when (committing && DbErrors.IsUnavailable(exception))
            {
                throw new WriteOutcomeUnknownException(exception);
            }
            catch (Exception exception) when (!reconnected && DbErrors.IsDroppedConnection(exception))
            {
                // The connection is gone, and its transaction with it: there is nothing to roll back.
                reconnected = true;
                writer.Dispose();
                db.ChangeTracker.Clear();
                await Task.Delay(ReconnectPause, ct);
            }
        }
    }
}
