using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Makes a POST idempotent when the caller sends an Idempotency-Key: claims the key before the endpoint runs, replays
/// a stored answer, and hands the claim to the command (<see cref="CurrentIdempotencyClaim"/>), whose transaction stores
/// the answer with the work. A request that fails releases its key (<see cref="IdempotencyReleases"/>: again later when
/// the database is down, never hiding the request's own failure), and a running request renews its lease. It opens no transaction itself: that is the
/// command's (<see cref="CommandTransactionBehavior{TRequest,TResponse}"/>). Applied to every endpoint at once
/// (<see cref="IdempotencyFilterExtensions.WithIdempotency{TBuilder}"/>); PUT is idempotent by itself and GET changes
/// nothing, so both pass through.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return await next(context);
        var idempotency = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var claim = await idempotency.ClaimAsync(http);
        if (claim is null) return await next(context);
        if (claim.Replay is { } replay) return replay;
        // Renewed while the request runs, so a key whose process died is free again soon; only the holder stores the answer.
        await using var lease = idempotency.KeepLease(claim);
        var current = http.RequestServices.GetRequiredService<CurrentIdempotencyClaim>();
        current.Begin(claim, http);
        try
        {
            await next(context);
            return current.Stored ?? throw new InvalidOperationException(
                $"{http.Request.Method} {http.Request.Path} took an {IdempotencyStore.Header} but sent no command to store its answer.");
        }
        catch (Exception)
        {
            http.RequestServices.GetRequiredService<RestaurantDbContext>().ChangeTracker.Clear();
            await http.RequestServices.GetRequiredService<IdempotencyReleases>().ReleaseAsync(idempotency, claim);
            throw;
        }
    }
}

public static class IdempotencyFilterExtensions
{
    /// <summary>Idempotency-Keys for every endpoint of <paramref name="builder"/>; the filter is also its metadata, so a test can find it.</summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        var filter = new IdempotencyFilter();
        return builder.AddEndpointFilter(filter).WithMetadata(filter);
    }
}
