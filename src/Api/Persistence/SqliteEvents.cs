using Microsoft.EntityFrameworkCore;

namespace Restaurant.Api.Persistence;

/// <summary>
/// The event log on SQLite (<see cref="SqliteDialect"/>): one writer at a time, so positions (AUTOINCREMENT) are
/// handed out in commit order and a reader may take every event it sees. Other processes on the same file are not
/// heard; the reader polls for them.
/// </summary>
public static class SqliteEvents
{
    public static async Task AppendAsync(RestaurantDbContext db, IReadOnlyList<PendingEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"Events\" (\"OrderId\", \"Type\", \"Kitchen\", \"At\", \"Data\") VALUES ({e.OrderId}, {e.Type}, {e.Kitchen}, {e.At.UtcTicks}, {e.Data})", ct);
    }

    public static async Task<EventPage> ReadAsync(RestaurantDbContext db, long after, EventFilter filter, int limit, CancellationToken ct)
    {
        var events = db.Events.AsNoTracking().Where(e => e.Position > after);
        if (filter.OrderId is { } orderId) events = events.Where(e => e.OrderId == orderId);
        if (filter.KitchenOnly) events = events.Where(e => e.Kitchen);
        return new EventPage(await events.OrderBy(e => e.Position).Take(limit).ToListAsync(ct), HeldBack: false);
    }

    public static async Task<long> HorizonAsync(RestaurantDbContext db, CancellationToken ct) =>
        await db.Events.MaxAsync(e => (long?)e.Position, ct) ?? 0;
}
