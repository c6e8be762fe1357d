using System.Collections.Concurrent;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// Token hashes already matched to their order. The match never changes (orders are never deleted and their tokens
/// never replaced), so every node may keep it; unknown tokens are not kept, so guessing cannot fill the memory.
/// </summary>
public sealed class KnownTokens
{
    private const int Capacity = 50_000;
    private readonly ConcurrentDictionary<string, string> _orderByHash = new(StringComparer.Ordinal);

    public string? OrderOf(string tokenHash) => _orderByHash.GetValueOrDefault(tokenHash);

    public string? Remember(string tokenHash, string? orderId)
    {
        if (orderId is null) return null;
        if (_orderByHash.Count >= Capacity) _orderByHash.Clear();
        _orderByHash[tokenHash] = orderId;
        return orderId;
    }
}
