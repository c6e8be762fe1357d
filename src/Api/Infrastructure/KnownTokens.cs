using Microsoft.Extensions.Caching.Memory;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Token hashes already matched to their holder (<see cref="TokenHolder"/>). The match never changes (orders are never
/// deleted, and a token's row is never rewritten), so every node may keep it; unknown tokens are not kept, so guessing cannot fill the memory. Bounded:
/// past <see cref="Capacity"/> matches the least recently used make room, so the tables being served stay known.
/// </summary>
public sealed class KnownTokens : IDisposable
{
    public const int Capacity = 50_000;

    private readonly MemoryCache _holderByHash = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.1 });

    public TokenHolder? HolderOf(string tokenHash) => _holderByHash.TryGetValue(tokenHash, out TokenHolder? holder) ? holder : null;

    public TokenHolder? Remember(string tokenHash, TokenHolder? holder)
    {
        if (holder is null) return null;
        _holderByHash.Set(tokenHash, holder, new MemoryCacheEntryOptions { Size = 1 });
        return holder;
    }

    public void Dispose() => _holderByHash.Dispose();
}
