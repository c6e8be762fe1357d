using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Runs a command endpoint as one database transaction and makes a POST idempotent when the caller sends an
/// Idempotency-Key: the stored response is written in the same transaction as the work. A command that commits in
/// several steps itself (a payment: its write-ahead, then each card's outcome) runs outside one transaction, and its
/// response is stored once it has finished. (PUT commands are idempotent by themselves; <see cref="IdempotencyStore.ClaimAsync"/>
/// ignores a key on them.)
/// </summary>
public sealed class CommandTransaction(bool inOneTransaction) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<RestaurantDbContext>();
        var idempotency = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var claim = await idempotency.ClaimAsync(http);
        if (claim?.Replay is { } replay) return replay;
        await using var lease = claim is null ? null : idempotency.KeepLease(claim);
        try
        {
            if (inOneTransaction)
            {
                return await db.InCommandTransactionAsync(async () =>
                {
                    var result = await next(context);
                    return claim is null ? result : await idempotency.CompleteAsync(claim, result, http);
                }, http.RequestAborted);
            }
            var finished = await next(context);
            if (claim is null) return finished;
            try
            {
                // The work is done and committed: storing its answer must not be cancelled by a caller who hung up.
                return await db.InCommandTransactionAsync(() => idempotency.CompleteAsync(claim, finished, http), CancellationToken.None);
            }
            catch (Exception exception) when (exception is not WriteOutcomeUnknownException && DbErrors.IsUnavailable(exception))
            {
                // Only the answer was lost, not the work: the client must not be told that nothing changed.
                throw new WriteOutcomeUnknownException(exception);
            }
        }
        catch (Exception) when (claim is not null)
        {
            db.ChangeTracker.Clear();
            await http.RequestServices.GetRequiredService<IdempotencyReleases>().ReleaseAsync(idempotency, claim);
            throw;
        }
    }
}

public static class CommandTransactionExtensions
{
    private const int MaxAttempts = 8;
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(100);

    public static RouteHandlerBuilder AsCommand(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(new CommandTransaction(inOneTransaction: true));

    /// <summary>For a command that commits its own steps; it still gets idempotency.</summary>
    public static RouteHandlerBuilder AsIdempotentCommand(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(new CommandTransaction(inOneTransaction: false));

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
            var committing = false;
            try
            {
                var result = await work();
                committing = true;
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
