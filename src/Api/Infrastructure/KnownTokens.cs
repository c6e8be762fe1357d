using Microsoft.Extensions.Caching.Memory;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Token hashes already matched to their order. The match never changes (orders are never deleted and their tokens
/// never replaced), so every node may keep it; unknown tokens are not kept, so guessing cannot fill the memory. Bounded:
/// past <see cref="Capacity"/> matches the least recently used make room, so the tables being served stay known.
/// </summary>
public sealed class KnownTokens : IDisposable
{
    public const int Capacity = 50_000;

    private readonly MemoryCache _orderByHash = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.1 });

    public string? OrderOf(string tokenHash) => _orderByHash.TryGetValue(tokenHash, out string? orderId) ? orderId : null;

    public string? Remember(string tokenHash, string? orderId)
    {
        if (orderId is null) return null;
        _orderByHash.Set(tokenHash, orderId, new MemoryCacheEntryOptions { Size = 1 });
        return orderId;
    }

    public void Dispose() => _orderByHash.Dispose();
}
