using MediatR;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// The unit of work, as a property of the request: an <see cref="ICommand{TResponse}"/> runs in one command transaction
/// (<see cref="CommandTransaction.InCommandTransactionAsync{T}"/>: on SQLite behind the write gate, and again from a
/// fresh read when the database refuses it for contention), with its Idempotency-Key answer stored inside it; an
/// <see cref="ISteppedCommand{TResponse}"/> commits its own steps, and its answer is stored once it has finished.
/// Queries pass through. Innermost behavior, so validation refuses bad input before any transaction begins.
/// </summary>
public sealed class CommandTransactionBehavior<TRequest, TResponse>(RestaurantDbContext db, CurrentIdempotencyClaim idempotency)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        switch (request)
        {
            case ICommand<TResponse>:
                return await db.InCommandTransactionAsync(async () =>
                {
                    var response = await next();
                    await idempotency.CompleteAsync(response);
                    return response;
                }, cancellationToken);
            case ISteppedCommand<TResponse> when idempotency.IsActive:
                var finished = await next();
                try
                {
                    // The work is done and committed: storing its answer must not be cancelled by a caller who hung up.
                    return await db.InCommandTransactionAsync(async () =>
                    {
                        await idempotency.CompleteAsync(finished);
                        return finished;
                    }, CancellationToken.None);
                }
                catch (Exception exception) when (exception is not WriteOutcomeUnknownException && DbErrors.IsUnavailable(exception))
                {
                    // Only the answer was lost, not the work: the client must not be told that nothing changed.
                    throw new WriteOutcomeUnknownException(exception);
                }
            default:
                return await next();
        }
    }
}
