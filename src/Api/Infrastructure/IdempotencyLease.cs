namespace Restaurant.Api.Infrastructure;

/// <param name="Lease">How long a claimed key stays taken without a renewal: a key whose process died is free again
/// at most this long after its last renewal.</param>
/// <param name="LeaseRenewal">How often a running request renews its lease; well under <paramref name="Lease"/>, so
/// that one slow renewal does not let the lease run out.</param>
public sealed record IdempotencyOptions(TimeSpan Lease, TimeSpan LeaseRenewal)
{
    public static IdempotencyOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new IdempotencyOptions(
            configuration.GetValue("Idempotency:Lease", TimeSpan.FromSeconds(5)),
            configuration.GetValue("Idempotency:LeaseRenewal", TimeSpan.FromSeconds(1)));
        if (options.Lease <= TimeSpan.Zero || options.LeaseRenewal <= TimeSpan.Zero || options.LeaseRenewal >= options.Lease)
            throw new InvalidOperationException(
                $"Idempotency:LeaseRenewal ({options.LeaseRenewal}) must be positive and shorter than Idempotency:Lease ({options.Lease}).");
        return options;
    }
}

/// <summary>
/// Keeps a claimed key's lease alive while its request runs: every <see cref="IdempotencyOptions.LeaseRenewal"/> a
/// conditional UPDATE (on a connection of its own) moves the lease's end on, for as long as the key is still this
/// request's. So the lease can be short, and a key whose process died is free again soon. It guarantees nothing by
/// itself: only the lease holder may store the response (<see cref="IdempotencyStore.CompleteAsync"/>), so if a lease
/// ever ran out under a live request and a retry took the key over, at most one of them would have its work kept.
/// </summary>
public sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseRenewal(IServiceScopeFactory scopes, IdempotencyStore.Claim claim, IdempotencyOptions options, ILogger logger) =>
        _loop = Task.Run(() => RenewAsync(scopes, claim, options, logger, _stop.Token));

    private static async Task RenewAsync(IServiceScopeFactory scopes, IdempotencyStore.Claim claim, IdempotencyOptions options,
        ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.LeaseRenewal);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    // Not ours any more (completed, released or taken over): there is nothing left to keep.
                    if (!await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().RenewAsync(claim, stop)) return;
                }
                catch (Exception exception) when (!stop.IsCancellationRequested && DbErrors.IsUnavailable(exception))
                {
                    // An outage is logged once by DatabaseOutage; a renewal it refuses is not news.
                    logger.LogDebug("Renewing an idempotency key's lease failed during an outage; trying again in {Interval}", options.LeaseRenewal);
                }
                catch (Exception exception) when (!stop.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Renewing an idempotency key's lease failed; trying again in {Interval}", options.LeaseRenewal);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The request has finished.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // A renewal cancelled mid-statement.
        }
        _stop.Dispose();
    }
}
