using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Runs a GET once more when the database failed it with a dropped connection (a restart or failover that a fresh
/// connection may already be past): a read changes nothing, so repeating it is safe, and it is cheap. A second failure,
/// and every other failure, goes to the exception handler (503 service_unavailable). Writes are not repeated here:
/// <see cref="CommandTransactionExtensions.InCommandTransactionAsync"/> decides which of them safely can be.
/// </summary>
public sealed class ReadRetry(RequestDelegate next)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
                                          && DbErrors.IsDroppedConnection(exception))
        {
            context.RequestServices.GetRequiredService<RestaurantDbContext>().ChangeTracker.Clear();
            await Task.Delay(Pause, context.RequestAborted);
            await next(context);
        }
    }
}
