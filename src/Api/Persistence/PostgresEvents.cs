using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Restaurant.Api.Persistence;

/// <summary>
/// The event log on PostgreSQL (<see cref="PostgresDialect"/>), without a lock that writers share. An event's position
/// is its writing transaction's id (<c>pg_current_xact_id()</c>, an xid8) shifted left by <see cref="Shift"/> bits plus
/// its ordinal within the transaction. Numbers drawn at insert are not commit order (a transaction with a smaller id
/// may commit later), so:
/// <list type="bullet">
/// <item>a reader takes only positions below the oldest transaction of this database still in flight (<see cref="Horizon"/>):
/// every transaction below it has ended, and every event to come is above it. A long write transaction holds events
/// back (never loses them) until it ends;</item>
/// <item>a writer holds its order's lock, so every earlier event of that order has committed; if one of them is
/// numbered at or above this transaction's id, this
/// transaction's id was drawn before it waited, and its events would reach streams ahead of events committed before
/// them. It is then refused as contention (<see cref="LateEventNumberException"/>) and runs again with a new id.</item>
/// </list>
/// Positions stay below 2^53 (safe in JavaScript) for 2^41 transactions (the xid8 epoch stays under 512).
/// </summary>
public static class PostgresEvents
{
    public const string Channel = "restaurant_events";
    public const int Shift = 12;
    public const int MaxPerTransaction = 1 << Shift;

    /// <summary>Tells a transaction's tickets apart (a ticket's sequence is its transaction's base plus this, modulo the block).</summary>
    public const string TicketOrdinals = "TicketOrdinals";

    /// <summary>
    /// The kitchen's sequence of a ticket, drawn like an event's position: so tickets of different orders need no
    /// shared lock, the kitchen's stream delivers them in their sequence, and GET /kitchen/tickets reads only below
    /// the horizon (<see cref="TicketBoundAsync"/>).
    /// </summary>
    public static readonly string TicketSequence =
        $"(pg_current_xact_id()::text::bigint << {Shift}) + nextval('\"{TicketOrdinals}\"') % {MaxPerTransaction}";

    private static readonly string OwnBase = $"(pg_current_xact_id()::text::bigint << {Shift})";

    /// <summary>
    /// The oldest transaction id of this database that may still write, shifted like positions: the smallest id the
    /// statement's snapshot sees in flight, leaving out those that pg_stat_activity shows in another database (the
    /// server's own snapshot horizon counts every database of the cluster, so a long transaction elsewhere would hold
    /// every stream back), else the first id not yet handed out. A transaction whose database cannot be seen (another
    /// role's, without pg_read_all_stats) is counted as this database's: it can only hold events back, never skip one.
    /// </summary>
    private static readonly string Horizon =
        "((SELECT coalesce((SELECT min(x::text::bigint) FROM pg_snapshot_xip(s) x WHERE (x::text::bigint & 4294967295) NOT IN " +
        "(SELECT backend_xid::text::bigint FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database())), " +
        $"pg_snapshot_xmax(s)::text::bigint) FROM pg_current_snapshot() s) << {Shift})";

    /// <summary>
    /// The transaction's events, and a NOTIFY that PostgreSQL delivers to every listening node at commit. Refused
    /// (<see cref="LateEventNumberException"/>) when an event of the same order is
    /// already numbered at or above this transaction's id.
    /// </summary>
    public static async Task AppendAsync(RestaurantDbContext db, IReadOnlyList<PendingEvent> events, CancellationToken ct)
    {
        if (events.Count >= MaxPerTransaction)
            throw new InvalidOperationException($"A transaction records at most {MaxPerTransaction - 1} events.");
        var rows = new List<string>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.Parameters.Add(new NpgsqlParameter("orders", events.Select(e => e.OrderId).Distinct().ToArray()));
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            rows.Add($"({OwnBase} + {i}, @o{i}, @t{i}, @k{i}, @a{i}, @d{i})");
            command.Parameters.Add(new NpgsqlParameter($"o{i}", e.OrderId));
            command.Parameters.Add(new NpgsqlParameter($"t{i}", e.Type));
            command.Parameters.Add(new NpgsqlParameter($"k{i}", e.Kitchen));
            command.Parameters.Add(new NpgsqlParameter($"a{i}", e.At.ToUniversalTime()));
            command.Parameters.Add(new NpgsqlParameter($"d{i}", e.Data));
        }
        // One round trip, built from constants and numbered placeholders only (the values travel as parameters). The
        // NOTIFY is sent at commit only, so a refused attempt, rolled back, notifies nobody.
        command.CommandText =
            $"WITH inserted AS (INSERT INTO \"Events\" (\"Position\", \"OrderId\", \"Type\", \"Kitchen\", \"At\", \"Data\") " +
            $"SELECT * FROM (VALUES {string.Join(", ", rows)}) AS v " +
            $"WHERE NOT EXISTS (SELECT 1 FROM \"Events\" WHERE \"OrderId\" = ANY(@orders) AND \"Position\" >= {OwnBase}) " +
            $"RETURNING 1) SELECT (SELECT count(*) FROM inserted)::int FROM pg_notify('{Channel}', '')";
        var inserted = (int)(await command.ExecuteScalarAsync(ct))!;
        if (inserted != events.Count) throw new LateEventNumberException();
    }

    /// <summary>
    /// One statement, so the events and the horizon come from one snapshot. Events at or above the horizon are
    /// committed but wait for an older transaction: they are not handed out, only reported (<see cref="EventPage.HeldBack"/>).
    /// </summary>
    public static async Task<EventPage> ReadAsync(RestaurantDbContext db, long after, EventFilter filter, int limit, CancellationToken ct)
    {
        var where = "\"Position\" > @after" + (filter.OrderId is null ? "" : " AND \"OrderId\" = @order") + (filter.KitchenOnly ? " AND \"Kitchen\"" : "");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText =
                $"SELECT h.horizon, e.\"Position\", e.\"OrderId\", e.\"Type\", e.\"Kitchen\", e.\"At\", e.\"Data\" " +
                $"FROM (SELECT {Horizon} AS horizon) h LEFT JOIN LATERAL " +
                $"(SELECT * FROM \"Events\" WHERE {where} ORDER BY \"Position\" LIMIT @limit) e ON true ORDER BY e.\"Position\"";
            command.Parameters.Add(new NpgsqlParameter("after", after));
            command.Parameters.Add(new NpgsqlParameter("limit", limit));
            if (filter.OrderId is { } orderId) command.Parameters.Add(new NpgsqlParameter("order", orderId));
            var events = new List<StoredEvent>();
            var heldBack = false;
            await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (await reader.IsDBNullAsync(1, ct)) break;
                var position = reader.GetInt64(1);
                if (position >= reader.GetInt64(0))
                {
                    heldBack = true;
                    break;
                }
                events.Add(new StoredEvent
                {
                    Position = position,
                    OrderId = reader.GetString(2),
                    Type = reader.GetString(3),
                    Kitchen = reader.GetBoolean(4),
                    At = reader.GetFieldValue<DateTimeOffset>(5),
                    Data = reader.GetString(6),
                });
            }
            return new EventPage(events, heldBack);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Tickets below this have committed, or never will: those to come are numbered at or above it.</summary>
    public static async Task<long> TicketBoundAsync(RestaurantDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>(HorizonQuery).SingleAsync(ct);

    /// <summary>The last position that can no longer be overtaken: every event to come is above it.</summary>
    public static async Task<long> HorizonAsync(RestaurantDbContext db, CancellationToken ct) =>
        await TicketBoundAsync(db, ct) - 1;

    private static readonly string HorizonQuery = $"SELECT {Horizon} AS \"Value\"";

    /// <summary>
    /// One connection per node, outside the pool, LISTENing on <see cref="Channel"/>; after a loss it connects again and
    /// reports <paramref name="heard"/> once, since notifications sent meanwhile are gone.
    /// </summary>
    public static async Task ListenAsync(string connectionString, Action heard, ILogger logger, CancellationToken ct)
    {
        var own = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(own);
                await connection.OpenAsync(ct);
                connection.Notification += (_, _) => heard();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                heard();
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning("Listening for events failed ({Cause}); polling until it connects again", exception.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
