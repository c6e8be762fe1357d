using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Runs a command endpoint as one database transaction (on SQLite a write-locked BEGIN IMMEDIATE), runs it again
/// from a fresh read when the database refuses it for contention, and makes a POST idempotent when the caller sends an
/// Idempotency-Key: the stored response is written in the same transaction as the work. (PUT commands are idempotent
/// by themselves; <see cref="IdempotencyStore.ClaimAsync"/> ignores a key on them.)
/// </summary>
public sealed class CommandTransaction : IEndpointFilter
{
    private const int MaxAttempts = 8;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<RestaurantDbContext>();
        var idempotency = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var claim = await idempotency.ClaimAsync(http);
        if (claim?.Replay is { } replay) return replay;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var transaction = await db.BeginCommandTransactionAsync(http.RequestAborted);
                try
                {
                    var result = await next(context);
                    if (claim is not null) result = await idempotency.CompleteAsync(claim, result, http);
                    await transaction.CommitAsync(CancellationToken.None);
                    return result;
                }
                catch (Exception exception) when (attempt < MaxAttempts && DbErrors.IsContention(exception))
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    await Task.Delay(Random.Shared.Next(1, 5 << attempt), http.RequestAborted);
                }
            }
        }
        catch (Exception) when (claim is not null)
        {
            db.ChangeTracker.Clear();
            await idempotency.ReleaseAsync(claim);
            throw;
        }
    }
}

public static class CommandTransactionExtensions
{
    public static RouteHandlerBuilder AsCommand(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter<CommandTransaction>();
}
