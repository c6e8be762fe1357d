using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Restaurant.Api.Persistence;

/// <summary>
/// The event log on PostgreSQL (<see cref="PostgresDialect"/>), without a lock that writers share. An event's position
/// is its writing transaction's id (<c>pg_current_xact_id()</c>, an xid8) shifted left by <see cref="Shift"/> bits plus
/// its ordinal within the transaction. Numbers drawn at insert are not commit order (a transaction with a smaller id
/// may commit later), so a reader takes only positions below the oldest transaction still in flight
/// (<c>pg_snapshot_xmin(pg_current_snapshot())</c>, shifted alike): every transaction below it has ended, and every
/// event to come is above it. A long write transaction holds events back (never loses them) until it ends.
/// Positions stay below 2^53 (safe in JavaScript) for 2^41 transactions (the xid8 epoch stays under 512).
/// </summary>
public static class PostgresEvents
{
    public const string Channel = "restaurant_events";
    public const int Shift = 12;
    public const int MaxPerTransaction = 1 << Shift;

    private static readonly string Horizon = $"(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << {Shift})";

    /// <summary>The transaction's events, and a NOTIFY that PostgreSQL delivers to every listening node at commit.</summary>
    public static async Task AppendAsync(RestaurantDbContext db, IReadOnlyList<PendingEvent> events, CancellationToken ct)
    {
        if (events.Count >= MaxPerTransaction)
            throw new InvalidOperationException($"A transaction records at most {MaxPerTransaction - 1} events.");
        var rows = new List<string>();
        var parameters = new List<object>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            rows.Add($"((pg_current_xact_id()::text::bigint << {Shift}) + {i}, @o{i}, @t{i}, @k{i}, @a{i}, @d{i})");
            parameters.Add(new NpgsqlParameter($"o{i}", e.OrderId));
            parameters.Add(new NpgsqlParameter($"t{i}", e.Type));
            parameters.Add(new NpgsqlParameter($"k{i}", e.Kitchen));
            parameters.Add(new NpgsqlParameter($"a{i}", e.At.ToUniversalTime()));
            parameters.Add(new NpgsqlParameter($"d{i}", e.Data));
        }
        // Built from constants and numbered placeholders only; the values travel as parameters.
        var sql = $"INSERT INTO \"Events\" (\"Position\", \"OrderId\", \"Type\", \"Kitchen\", \"At\", \"Data\") VALUES {string.Join(", ", rows)}; " +
                  $"SELECT pg_notify('{Channel}', '')";
        await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
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
                $"(SELECT * FROM \"Events\" WHERE {where} ORDER BY \"Position\" LIMIT @limit) e ON true";
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

    /// <summary>Everything below the horizon has ended: events to come are at or above it.</summary>
    public static async Task<long> HorizonAsync(RestaurantDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>(HorizonQuery).SingleAsync(ct);

    private static readonly string HorizonQuery = $"SELECT {Horizon} - 1 AS \"Value\"";

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
