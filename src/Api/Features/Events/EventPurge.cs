using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Events;

/// <summary>Deletes events older than <see cref="EventOptions.Retention"/>, by the index on their time, every <see cref="EventOptions.PurgeInterval"/>.</summary>
public sealed class EventPurge(IServiceScopeFactory scopes, EventOptions options, TimeProvider clock, ILogger<EventPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PurgeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await PurgeAsync(scope.ServiceProvider.GetRequiredService<RestaurantDbContext>(), clock.GetUtcNow() - options.Retention, stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} expired events", purged);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning("Purging expired events failed ({Cause}); will try again", exception.Message);
            }
        }
    }

    public static Task<int> PurgeAsync(RestaurantDbContext db, DateTimeOffset before, CancellationToken ct) =>
        db.Events.Where(e => e.At < before).ExecuteDeleteAsync(ct);
}
