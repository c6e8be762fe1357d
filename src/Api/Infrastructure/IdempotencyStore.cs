using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// The Idempotency-Key draft: the same key, caller and body replays the first response; another body is 422; a key
/// whose first request is still running is 409. Only completed work is remembered: a request that fails releases
/// its key, so the client may retry with it. Keys expire 24 hours after first use.
/// </summary>
public sealed class IdempotencyStore(
    RestaurantDbContext db, TimeProvider clock, IdempotencyOptions options, IServiceScopeFactory scopes, ILogger<IdempotencyStore> logger)
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A claimed key; <see cref="Key"/> stays in memory only, to encrypt the stored response.</summary>
    public sealed record Claim(string Caller, string Key, Guid LeaseId, IResult? Replay = null)
    {
        public string KeyHash { get; } = Access.Hash(Key);
    }

    /// <summary>
    /// Claims the request's key, or returns null when there is nothing to claim: no key, or not a POST. PUT is
    /// idempotent by itself (and its body is not buffered for a fingerprint), so a key on it is ignored.
    /// </summary>
    public async Task<Claim?> ClaimAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values)) return null;
        var key = values.ToString();
        if (key.Length is 0 or > IdempotencyRecord.MaxKeyLength)
            throw new ValidationException([new ValidationFailure(Header, $"{Header} is 1 to {IdempotencyRecord.MaxKeyLength} characters.")]);
        var caller = http.User.Caller();
        var keyHash = Access.Hash(key);
        var fingerprint = await FingerprintAsync(http.Request);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            var existing = await Records(caller, keyHash).AsNoTracking().SingleOrDefaultAsync();
            if (existing is null || existing.ExpiresAt <= now)
            {
                if (existing is not null) await Records(caller, keyHash).Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync();
                var record = new IdempotencyRecord
                {
                    Caller = caller, KeyHash = keyHash, Fingerprint = fingerprint, ExpiresAt = now + Retention,
                    LeaseId = Guid.NewGuid(), LeaseExpiresAt = now + options.Lease,
                };
                db.IdempotencyRecords.Add(record);
                try
                {
                    await db.SaveChangesAsync();
                    return new Claim(caller, key, record.LeaseId.Value);
                }
                catch (DbUpdateException exception) when (DbErrors.IsContention(exception))
                {
                    continue; // another request claimed the key first: look again
                }
                finally
                {
                    db.Entry(record).State = EntityState.Detached;
                }
            }
            if (existing.Fingerprint != fingerprint)
                throw new ApiProblem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                    $"This {Header} was used for a different request; use a new key for new work.");
            if (existing.StatusCode is { } status)
                return new Claim(caller, key, Guid.Empty,
                    new StoredResponse(status, existing.ContentType, existing.Location, ResponseCipher.Decrypt(key, existing.Body ?? []),
                        existing.PreferenceApplied));
            if (existing.LeaseExpiresAt > now)
                throw ApiProblem.Conflict("idempotency_key_in_use", $"The first request with this {Header} is still running; retry shortly.");

            var lease = Guid.NewGuid();
            var taken = await Records(caller, keyHash).Where(r => r.LeaseId == existing.LeaseId && r.StatusCode == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseId, lease).SetProperty(r => r.LeaseExpiresAt, now + options.Lease));
            if (taken == 1) return new Claim(caller, key, lease);
        }
        throw ApiProblem.Conflict("idempotency_key_in_use", $"Another request is using this {Header}.");
    }

    /// <summary>Renews <paramref name="claim"/>'s lease while its request runs (<see cref="LeaseRenewal"/>); dispose it when the request ends.</summary>
    public LeaseRenewal KeepLease(Claim claim) => new(scopes, claim, options, logger);

    /// <summary>Moves the lease's end on; false when the key is no longer this claim's (completed, released or taken over).</summary>
    public async Task<bool> RenewAsync(Claim claim, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + options.Lease;
        return await Records(claim.Caller, claim.KeyHash).Where(r => r.LeaseId == claim.LeaseId && r.StatusCode == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseExpiresAt, until), ct) == 1;
    }

    /// <summary>Records the response inside the command's transaction; only the lease holder may.</summary>
    public async Task<IResult> CompleteAsync(Claim claim, object? result, HttpContext http)
    {
        var response = await StoredResponse.CaptureAsync(result, http);
        var saved = await Records(claim.Caller, claim.KeyHash).Where(r => r.LeaseId == claim.LeaseId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.ContentType, response.ContentType)
                .SetProperty(r => r.Location, response.Location)
                .SetProperty(r => r.PreferenceApplied, response.PreferenceApplied)
                .SetProperty(r => r.Body, ResponseCipher.Encrypt(claim.Key, response.Body))
                .SetProperty(r => r.LeaseId, (Guid?)null)
                .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null));
        if (saved != 1)
            throw ApiProblem.Conflict("idempotency_key_in_use", $"Another request took over this {Header}; this one was not applied.");
        return response;
    }

    public Task ReleaseAsync(Claim claim) =>
        Records(claim.Caller, claim.KeyHash).Where(r => r.LeaseId == claim.LeaseId && r.StatusCode == null).ExecuteDeleteAsync();

    public Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    private IQueryable<IdempotencyRecord> Records(string caller, string keyHash) =>
        db.IdempotencyRecords.Where(r => r.Caller == caller && r.KeyHash == keyHash);

    /// <summary>Method, path and exact body bytes (the body was buffered for this at the start of the request).</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0) hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>AES-GCM under a key derived from the Idempotency-Key, which only the caller holds.</summary>
internal static class ResponseCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Encrypt(string idempotencyKey, byte[] plain)
    {
        var sealedBox = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(KeyFor(idempotencyKey), TagSize);
        aes.Encrypt(nonce, plain, sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize));
        return sealedBox;
    }

    public static byte[] Decrypt(string idempotencyKey, byte[] sealedBox)
    {
        var plain = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(KeyFor(idempotencyKey), TagSize);
        aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize), plain);
        return plain;
    }

    private static byte[] KeyFor(string idempotencyKey) => SHA256.HashData(Encoding.UTF8.GetBytes("restaurant-response:" + idempotencyKey));
}

/// <summary>Deletes expired keys now and then, so the table holds one day of keys, not all of history.</summary>
public sealed class IdempotencyPurge(IServiceScopeFactory scopes, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} expired idempotency keys", purged);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Purging expired idempotency keys failed; will try again");
            }
        }
    }
}
