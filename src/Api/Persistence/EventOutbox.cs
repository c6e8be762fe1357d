using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Persistence;

/// <summary>
/// The events one command transaction has recorded (one outbox per context; the command transaction empties it at
/// each attempt and writes it just before committing: CommandTransaction). It also notes every order the transaction
/// saved, so that a change without its event is refused instead of committed.
/// </summary>
public sealed class EventOutbox
{
    private readonly List<PendingEvent> _pending = [];
    private readonly HashSet<string> _changedOrders = [];

    public IReadOnlyList<PendingEvent> Pending => _pending;

    public void Clear()
    {
        _pending.Clear();
        _changedOrders.Clear();
    }

    public void Add(PendingEvent pending) => _pending.Add(pending);

    /// <summary>Called as the context saves: the orders it is about to add or change.</summary>
    public void NoteSaving(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<Order>())
            if (entry.State is EntityState.Added or EntityState.Modified) _changedOrders.Add(entry.Entity.Id);
    }

    /// <summary>Nothing committed without its event: every order this transaction saved must have recorded one.</summary>
    public void EnsureEveryChangeRecorded()
    {
        var silent = _changedOrders.Except(_pending.Select(p => p.OrderId)).ToList();
        if (silent.Count > 0)
            throw new InvalidOperationException($"Order {silent[0]} changed without recording an event (EventOutbox).");
    }
}

public static class EventRecording
{
    /// <summary>Records an event of the command transaction under way; it is written with the change, or not at all.</summary>
    public static void RecordEvent(this RestaurantDbContext db, PendingEvent pending)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Events are recorded inside a command transaction (CommandTransaction).");
        db.Outbox.Add(pending);
    }

    /// <summary>Writes the recorded events into the open transaction; true when there were any.</summary>
    public static async Task<bool> WriteOutboxAsync(this RestaurantDbContext db, CancellationToken ct)
    {
        db.Outbox.EnsureEveryChangeRecorded();
        if (db.Outbox.Pending.Count == 0) return false;
        await db.Dialect.AppendEventsAsync(db, db.Outbox.Pending, ct);
        return true;
    }

    /// <summary>After the commit: this node's streams hear of it at once (other nodes by the dialect's signal or by polling).</summary>
    public static void AnnounceCommittedEvents(this RestaurantDbContext db) => db.GetService<EventSignal>().Set();
}
