using System.Security.Cryptography;
using System.Text;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests.Support;

/// <summary>Idempotency claims planted in the API's database as a request (running, or dead with its process) left them.</summary>
public static class IdempotencyLeases
{
    /// <summary>A POST /orders claim of <paramref name="key"/> for <paramref name="body"/>, its lease ending at <paramref name="leaseExpiresAt"/>.</summary>
    public static async Task PlantOrderLeaseAsync(RestaurantApi api, string key, string body, DateTimeOffset leaseExpiresAt, DateTimeOffset? now = null)
    {
        await using var db = ApiDatabase.Open(api);
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Caller = "anonymous", KeyHash = Access.Hash(key), Fingerprint = Fingerprint("POST", "/orders", body),
            ExpiresAt = (now ?? DateTimeOffset.UtcNow).AddHours(24), LeaseId = Guid.NewGuid(), LeaseExpiresAt = leaseExpiresAt,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>What the store hashes to recognise a repeat: method, path and the exact body bytes.</summary>
    private static string Fingerprint(string method, string path, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{method} {path}\n{body}")));
}
