using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

/// <summary>
/// Settles card refunds still pending: those whose answer never came (asked again with the refund's own key, which
/// never refunds twice) and those the gateway took but had not settled (read again by their gateway id). At start-up
/// for whatever a stopped process left, then periodically for refunds older than one interval.
/// </summary>
public sealed class RefundReconciler(IServiceScopeFactory scopes, PaymentOptions options, TimeProvider clock, ILogger<RefundReconciler> logger)
    : BackgroundService
{
    private const int PageSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReconcileAsync(TimeSpan.Zero, stoppingToken);
        using var timer = new PeriodicTimer(options.ReconcileInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await ReconcileAsync(options.ReconcileInterval, stoppingToken);
    }

    /// <summary>Pending card refunds written before <paramref name="cutoff"/>, oldest first, served by the partial index on pending refunds.</summary>
    public static IQueryable<PendingRefund> PendingRefunds(RestaurantDbContext db, DateTimeOffset cutoff, (DateTimeOffset CreatedAt, string Id)? after = null)
    {
        var pending = db.Refunds.AsNoTracking().Where(r => r.Status == RefundStatus.Pending && r.CreatedAt <= cutoff);
        if (after is { } last)
        {
            var (createdAt, id) = last;
            pending = pending.Where(r => r.CreatedAt > createdAt || (r.CreatedAt == createdAt && string.Compare(r.Id, id) > 0));
        }
        return pending.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(PageSize)
            .Select(r => new PendingRefund(r, EF.Property<string>(r, "OrderId")));
    }

    public sealed record PendingRefund(Refund Refund, string OrderId);

    private async Task ReconcileAsync(TimeSpan minimumAge, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RestaurantDbContext>();
            var gateway = scope.ServiceProvider.GetRequiredService<ICardGateway>();
            var cutoff = clock.GetUtcNow() - minimumAge;
            (DateTimeOffset, string)? after = null;
            while (true)
            {
                var page = await PendingRefunds(db, cutoff, after).ToListAsync(stoppingToken);
                foreach (var item in page) await ReconcileRefundAsync(db, gateway, item);
                if (page.Count < PageSize) return;
                after = (page[^1].Refund.CreatedAt, page[^1].Refund.Id);
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
        catch (Exception exception) when (DbErrors.IsUnavailable(exception))
        {
            logger.LogDebug("Reconciling pending refunds waits for the database ({Cause})", DbErrors.Describe(exception));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Reconciling pending refunds failed; will try again in {Interval}", options.ReconcileInterval);
        }
    }

    private async Task ReconcileRefundAsync(RestaurantDbContext db, ICardGateway gateway, PendingRefund item)
    {
        try
        {
            var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == item.Refund.TenderId);
            var outcome = await gateway.RefundAsync(RefundOutcomes.RefundFor(item.Refund, tender, item.OrderId, askingAgain: true), CancellationToken.None);
            var recorded = await db.RecordRefundAsync(clock, item.OrderId, item.Refund.Id, outcome);
            logger.LogInformation("Reconciled refund {RefundId} of order {OrderId}: {Outcome}{Recorded}",
                item.Refund.Id, item.OrderId, outcome.Kind, recorded ? "" : " (nothing new to record)");
        }
        catch (Exception exception)
        {
            // One refund's failure must not hold up the others; it stays pending for the next pass.
            logger.LogWarning(exception, "Reconciling refund {RefundId} of order {OrderId} failed; it stays pending", item.Refund.Id, item.OrderId);
        }
    }
}
