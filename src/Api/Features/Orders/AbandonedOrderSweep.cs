using Restaurant.Api.Features.Events;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Orders;

/// <summary>
/// Cancels orders that were opened and then left: nothing of them ever reached the kitchen and nobody changed them
/// for <see cref="AbandonedOrderOptions.Timeout"/>. Such an order would otherwise hold its table for good (nobody can
/// bill an empty order), so the next guests could not open it. At start-up, then every
/// <see cref="AbandonedOrderOptions.CheckInterval"/>, by the server's clock; every node may run it, since each order is
/// checked again under its own lock before it is cancelled.
/// </summary>
public sealed class AbandonedOrderSweep(
    IServiceScopeFactory scopes, AbandonedOrderOptions options, TimeProvider clock, ILogger<AbandonedOrderSweep> logger)
    : BackgroundService
{
    private const int PageSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SweepAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.CheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await SweepAsync(stoppingToken);
    }

    /// <summary>
    /// The next page of open orders idle since <paramref name="idleSince"/> with no ticket, after <paramref name="after"/>
    /// in (last change, id) order. Served by the partial index on open orders, so its cost follows the open orders (at
    /// most one a table), not the restaurant's history (AbandonedOrderQueryTests).
    /// </summary>
    public static IQueryable<IdleOrder> Candidates(RestaurantDbContext db, DateTimeOffset idleSince, (DateTimeOffset LastChangedAt, string Id)? after = null)
    {
        var idle = db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Open && o.LastChangedAt <= idleSince);
        if (after is { } last)
        {
            var (lastChangedAt, id) = last;
            idle = idle.Where(o => o.LastChangedAt > lastChangedAt || (o.LastChangedAt == lastChangedAt && string.Compare(o.Id, id) > 0));
        }
        return idle.Where(o => !o.Tickets.Any())
            .OrderBy(o => o.LastChangedAt).ThenBy(o => o.Id).Take(PageSize)
            .Select(o => new IdleOrder(o.Id, o.LastChangedAt));
    }

    public sealed record IdleOrder(string Id, DateTimeOffset LastChangedAt);

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RestaurantDbContext>();
            var idleSince = clock.GetUtcNow() - options.Timeout;
            (DateTimeOffset, string)? after = null;
            while (true)
            {
                var page = await Candidates(db, idleSince, after).ToListAsync(stoppingToken);
                foreach (var idle in page) await CancelAsync(db, idle.Id, idleSince, stoppingToken);
                if (page.Count < PageSize) return;
                after = (page[^1].LastChangedAt, page[^1].Id);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Looking for abandoned orders failed; will try again in {Interval}", options.CheckInterval);
        }
    }

    private async Task CancelAsync(RestaurantDbContext db, string orderId, DateTimeOffset idleSince, CancellationToken stoppingToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            var cancelled = await db.InCommandTransactionAsync(async () =>
            {
                // Checked again under the order's lock: a diner may have added, or a waiter sent, since the page was read.
                var order = await db.LoadOrderForChangeAsync(orderId, stoppingToken);
                if (!order.IsAbandoned(idleSince)) return ((string Table, DateTimeOffset LastChangedAt)?)null;
                var lastChangedAt = order.LastChangedAt;
                order.Cancel(clock.GetUtcNow());
                await db.SaveChangesAsync(stoppingToken);
                db.RecordEvent(OrderEvents.StatusChanged(order));
                return (order.Table, lastChangedAt);
            }, stoppingToken);
            if (cancelled is { } done)
                logger.LogInformation("Cancelled abandoned order {OrderId} of table {Table}: nothing was sent to the kitchen, and it was last changed at {LastChangedAt}",
                    orderId, done.Table, done.LastChangedAt);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One order's failure (its row locked too long, a database blip) must not hold up the others.
            logger.LogWarning(exception, "Cancelling abandoned order {OrderId} failed; it is looked at again next time", orderId);
        }
    }
}
