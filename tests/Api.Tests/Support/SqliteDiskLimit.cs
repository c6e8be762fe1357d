using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// A full disk for an API on SQLite, switched on and off by the test: while <see cref="Full"/>, every connection the
/// API opens may not grow the database file by a single page (PRAGMA max_page_count, a per-connection setting), so a
/// write that needs a new page fails with SQLITE_FULL, as it would on a full disk.
/// </summary>
public sealed class SqliteDiskLimit : DbConnectionInterceptor
{
    private const long Unlimited = 4294967294;

    private volatile bool _full;

    public bool Full
    {
        get => _full;
        set => _full = value;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        ConnectionOpenedAsync(connection, eventData).GetAwaiter().GetResult();

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        long limit = Unlimited;
        if (Full)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "PRAGMA page_count";
            limit = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA max_page_count = {limit}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
