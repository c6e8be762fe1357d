using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.Telemetry;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

/// <summary>
/// Settles cards whose outcome was never learnt (a timeout, a dropped connection, a process that stopped) by asking
/// the gateway again with the tender's own key, which never charges twice: at start-up for whatever a stopped process
/// left, then periodically for tenders older than one interval (younger ones are usually still in their call).
/// </summary>
public sealed class PaymentReconciler(
    IServiceScopeFactory scopes, PaymentOptions options, TimeProvider clock, ILogger<PaymentReconciler> logger, RestaurantTelemetry telemetry)
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

    /// <summary>
    /// The next page of tenders still pending, written before <paramref name="cutoff"/>, after <paramref name="after"/>
    /// in (written, id) order. Served by the partial index on pending tenders, so its cost follows what is pending, not
    /// all history (ReconcilerQueryTests).
    /// </summary>
    public static IQueryable<PendingTender> PendingTenders(RestaurantDbContext db, DateTimeOffset cutoff, (DateTimeOffset CreatedAt, string Id)? after = null)
    {
        var pending = db.Tenders.AsNoTracking().Where(t => t.Status == TenderStatus.Pending && t.CreatedAt <= cutoff);
        if (after is { } last)
        {
            var (createdAt, id) = last;
            pending = pending.Where(t => t.CreatedAt > createdAt || (t.CreatedAt == createdAt && string.Compare(t.Id, id) > 0));
        }
        return pending.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(PageSize)
            .Select(t => new PendingTender(t, EF.Property<string>(t, "OrderId")));
    }

    public sealed record PendingTender(Tender Tender, string OrderId);

    /// <summary>One pass over every pending tender, page by page, so that tenders that stay unknown never starve newer ones.</summary>
    private async Task ReconcileAsync(TimeSpan minimumAge, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RestaurantDbContext>();
            // Per pass, not held by this singleton: Stripe's gateway wraps a factory HttpClient, whose handler the
            // factory recycles only once the clients using it are let go.
            var gateway = scope.ServiceProvider.GetRequiredService<ICardGateway>();
            var cutoff = clock.GetUtcNow() - minimumAge;
            (DateTimeOffset, string)? after = null;
            var seen = 0L;
            while (true)
            {
                var page = await PendingTenders(db, cutoff, after).ToListAsync(stoppingToken);
                seen += page.Count;
                foreach (var item in page) await ReconcileTenderAsync(db, gateway, item);
                if (page.Count < PageSize)
                {
                    telemetry.ReconcilerPass("completed", seen);
                    return;
                }
                after = (page[^1].Tender.CreatedAt, page[^1].Tender.Id);
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
        catch (Exception exception) when (DbErrors.IsUnavailable(exception))
        {
            // DatabaseOutage has warned once; a stack trace every pass of an outage would bury it.
            telemetry.ReconcilerPass("waiting", null);
            logger.LogDebug("Reconciling pending card payments waits for the database ({Cause})", DbErrors.Describe(exception));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            telemetry.ReconcilerPass("failed", null);
            logger.LogWarning(exception, "Reconciling pending card payments failed; will try again in {Interval}", options.ReconcileInterval);
        }
    }

    private async Task ReconcileTenderAsync(RestaurantDbContext db, ICardGateway gateway, PendingTender item)
    {
        if (item.Tender.PaymentId is null && GatewayKeyWindow.HasOutlived(item.Tender.CreatedAt, clock.GetUtcNow()))
        {
            logger.LogError("Tender {TenderId} of order {OrderId} has been pending since {CreatedAt}, longer than the gateway " +
                "remembers its key: check it in the gateway's dashboard; it is not charged again", item.Tender.Id, item.OrderId, item.Tender.CreatedAt);
            return;
        }
        try
        {
            // Not cancelled on shutdown once asked: an answer that may have moved money is worth recording.
            var outcome = await gateway.ChargeAsync(TenderOutcomes.ChargeFor(item.Tender, item.OrderId, askingAgain: true), CancellationToken.None);
            var recorded = await db.RecordAsync(clock, item.OrderId, item.Tender.Id, outcome);
            telemetry.TenderReconciled(outcome.Kind, recorded);
            logger.LogInformation("Reconciled tender {TenderId} of order {OrderId}: {Outcome}{Recorded}",
                item.Tender.Id, item.OrderId, outcome.Kind, recorded ? "" : " (nothing new to record)");
        }
        catch (Exception exception) when (DbErrors.IsUnavailable(exception))
        {
            logger.LogWarning("Reconciling tender {TenderId} of order {OrderId} failed: the database is unavailable ({Cause}); it stays pending",
                item.Tender.Id, item.OrderId, DbErrors.Describe(exception));
        }
        catch (Exception exception)
        {
            // One tender's failure (its order's row locked too long, a database blip) must not hold up the others.
            logger.LogWarning(exception, "Reconciling tender {TenderId} of order {OrderId} failed; it stays pending", item.Tender.Id, item.OrderId);
        }
    }
}
