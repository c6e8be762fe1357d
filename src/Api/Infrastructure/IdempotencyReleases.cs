using System.Threading.Channels;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Releases the Idempotency-Key of a request that failed. When the database is unavailable the release fails too, and
/// the key would stay claimed until its lease ran out, refusing the client's repeat after the outage with
/// idempotency_key_in_use; such keys are released here as soon as the database answers again. Releasing late is
/// always safe: only a key still under this request's lease, with no stored response, is deleted. One per host.
/// </summary>
public sealed class IdempotencyReleases(IServiceScopeFactory scopes, ILogger<IdempotencyReleases> logger) : BackgroundService
{
    private const int MaxWaiting = 10_000;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    // The oldest are dropped when the outage outlasts this many failed requests: their leases simply run out.
    private readonly Channel<IdempotencyStore.Claim> _waiting =
        Channel.CreateBounded<IdempotencyStore.Claim>(new BoundedChannelOptions(MaxWaiting) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Releases the key now if the database lets it, else as soon as it does; never throws over the request's own failure.</summary>
    public async Task ReleaseAsync(IdempotencyStore store, IdempotencyStore.Claim claim)
    {
        try
        {
            await store.ReleaseAsync(claim);
        }
        catch (Exception exception)
        {
            // The request's context may be unusable after its failure: a fresh one tries again shortly.
            logger.LogDebug("Releasing an idempotency key failed ({Cause}); it is released once the database answers", DbErrors.Describe(exception));
            _waiting.Writer.TryWrite(claim);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _waiting.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<IdempotencyStore.Claim>();
                while (_waiting.Reader.TryRead(out var claim)) batch.Add(claim);
                var left = await ReleaseAllAsync(batch);
                if (left.Count == 0) continue;
                foreach (var claim in left) _waiting.Writer.TryWrite(claim);
                await Task.Delay(Pause, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the leases of keys still waiting run out by themselves.
        }
    }

    /// <summary>Releases what it can; returns the claims to try again once the database is back.</summary>
    private async Task<List<IdempotencyStore.Claim>> ReleaseAllAsync(List<IdempotencyStore.Claim> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        for (var index = 0; index < batch.Count; index++)
        {
            try
            {
                await store.ReleaseAsync(batch[index]);
            }
            catch (Exception exception) when (DbErrors.IsUnavailable(exception))
            {
                return batch[index..];
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Releasing an idempotency key after a failed request failed; its lease will run out");
            }
        }
        return [];
    }
}
