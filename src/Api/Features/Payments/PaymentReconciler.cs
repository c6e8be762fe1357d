using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

/// <summary>
/// Settles cards whose outcome was never learnt (a timeout, a dropped connection, a process that stopped) by asking
/// the gateway again with the tender's own key, which never charges twice: at start-up for whatever a stopped process
/// left, then periodically for tenders older than one interval (younger ones are usually still in their call).
/// </summary>
public sealed class PaymentReconciler(
    IServiceScopeFactory scopes, ICardGateway gateway, PaymentOptions options, TimeProvider clock, ILogger<PaymentReconciler> logger)
    : BackgroundService
{
    private const int BatchSize = 100;
    /// <summary>Stripe keeps an idempotency key at least 24 hours; repeating a charge after that could charge twice.</summary>
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(23);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReconcileAsync(TimeSpan.Zero, stoppingToken);
        using var timer = new PeriodicTimer(options.ReconcileInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await ReconcileAsync(options.ReconcileInterval, stoppingToken);
    }

    /// <summary>
    /// The oldest tenders still pending, written before <paramref name="cutoff"/>. Served by the partial index on
    /// pending tenders, so its cost follows what is pending, not all history (ReconcilerQueryTests).
    /// </summary>
    public static IQueryable<PendingTender> PendingTenders(RestaurantDbContext db, DateTimeOffset cutoff) =>
        db.Tenders.AsNoTracking()
            .Where(t => t.Status == TenderStatus.Pending && t.CreatedAt <= cutoff)
            .OrderBy(t => t.CreatedAt)
            .Take(BatchSize)
            .Select(t => new PendingTender(t, EF.Property<string>(t, "OrderId")));

    public sealed record PendingTender(Tender Tender, string OrderId);

    private async Task ReconcileAsync(TimeSpan minimumAge, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RestaurantDbContext>();
            var cutoff = clock.GetUtcNow() - minimumAge;
            var pending = await PendingTenders(db, cutoff).ToListAsync(stoppingToken);
            foreach (var item in pending)
            {
                if (item.Tender.PaymentId is null && clock.GetUtcNow() - item.Tender.CreatedAt > ReplayWindow)
                {
                    logger.LogError("Tender {TenderId} of order {OrderId} has been pending since {CreatedAt}, longer than the gateway " +
                        "remembers its key: check it in the gateway's dashboard; it is not charged again", item.Tender.Id, item.OrderId, item.Tender.CreatedAt);
                    continue;
                }
                // Not cancelled on shutdown once asked: an answer that may have moved money is worth recording.
                var outcome = await gateway.ChargeAsync(TenderOutcomes.ChargeFor(item.Tender, item.OrderId), CancellationToken.None);
                var recorded = await db.RecordAsync(item.OrderId, item.Tender.Id, outcome);
                logger.LogInformation("Reconciled tender {TenderId} of order {OrderId}: {Outcome}{Recorded}",
                    item.Tender.Id, item.OrderId, outcome.Kind, recorded ? "" : " (nothing new to record)");
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Reconciling pending card payments failed; will try again in {Interval}", options.ReconcileInterval);
        }
    }
}
