using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Persistence;

/// <summary>
/// Parsed menus, kept by version and revision: every addition and bill needs the menu in effect, and parsing and
/// checking its document each time would cost more than the rest of the request. A version's document changes only
/// with its revision (availability bumps it; a new menu is a new version), so an entry is never stale. One per host
/// (a singleton), bounded: past <see cref="Capacity"/> menus the least recently used ones make room.
/// </summary>
public sealed class MenuCache : IDisposable
{
    public const int Capacity = 32;

    private readonly MemoryCache _menus = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public Menu MenuOf(StoredMenu stored) =>
        _menus.GetOrCreate((stored.Version, stored.Revision), entry =>
        {
            entry.Size = 1;
            return stored.Parse();
        })!;

    /// <summary>
    /// The menu in effect at <paramref name="now"/>, reading only its version and revision when this host has parsed it
    /// already: the document (kilobytes) is read once per revision, not on every addition.
    /// </summary>
    public async Task<Menu> CurrentAsync(RestaurantDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var key = await db.CurrentMenuKeyAsync(now, ct);
        if (_menus.TryGetValue(key, out Menu? menu)) return menu!;
        var stored = await db.Menus.AsNoTracking().SingleAsync(m => m.Version == key.Version, ct);
        return MenuOf(stored);
    }

    public void Dispose() => _menus.Dispose();
}
