using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Events;

/// <summary>
/// Streams hand events out by number, so an event must never be numbered below one committed before it. On PostgreSQL
/// a transaction's numbers come from its id, which it may have drawn before another writer of the same order committed
/// (PostgresEvents); on SQLite a transaction that read before that commit and writes after it holds a stale snapshot. Either way the late
/// writer is refused as contention, and the command transaction runs it again (CommandTransaction).
/// </summary>
public sealed class EventNumberingTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private RestaurantApi Api => fixture.Api;

    [Fact]
    public async Task A_writer_that_began_before_its_orders_last_change_committed_is_refused_as_contention()
    {
        var session = await TableSession.OpenAsync(Api, Tables.Unique("evnum"));
        var dialect = Api.Services.GetRequiredService<IDatabaseDialect>();
        await using var late = Api.Database.OpenContext();
        await using var transaction = await BeginAsync(late);

        await session.AddAsync(TableSession.Item("tea"));

        var refused = await Record.ExceptionAsync(async () =>
        {
            await dialect.LockOrderAsync(late, session.OrderId, CancellationToken.None);
            await dialect.AppendEventsAsync(late, [new PendingEvent(session.OrderId, "items_changed", false, DateTimeOffset.UtcNow, "{}")], CancellationToken.None);
        });
        Assert.NotNull(refused);
        Assert.True(DbErrors.IsContention(refused), refused.ToString());
    }

    /// <summary>
    /// A transaction that has begun: on PostgreSQL it has drawn its id; on SQLite (where commands begin with the write
    /// lock, so no writer can be this late) a deferred one that has taken its read snapshot.
    /// </summary>
    private static async Task<IAsyncDisposable> BeginAsync(RestaurantDbContext db)
    {
        if (TestDatabase.IsPostgres)
        {
            var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("SELECT pg_current_xact_id()");
            return transaction;
        }
        // The driver retries a busy database until the command times out; the refusal is what matters here.
        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(1));
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var deferred = connection.BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(deferred);
        await db.Database.ExecuteSqlRawAsync("SELECT count(*) FROM \"Events\"");
        return deferred;
    }
}
