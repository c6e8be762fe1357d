using Npgsql;

namespace Restaurant.Benchmarks.Baseline;

/// <summary>
/// The baseline on PostgreSQL: what <see cref="BaselineStore"/> does on SQLite, with the API's PostgreSQL locking (a
/// READ COMMITTED transaction that first locks the order's row), so that writers of one order queue as the API's do.
/// </summary>
internal sealed class NpgsqlBaselineStore(string connectionString) : IBaselineStore
{
    // Orders and OrderLines as the API's PostgreSQL migrations make them (src/Api/Persistence/Migrations/Postgres), the columns it writes.
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS "Orders" (
            "Id" text NOT NULL CONSTRAINT "PK_Orders" PRIMARY KEY,
            "Table" character varying(20) NOT NULL,
            "Guests" integer NULL,
            "Status" character varying(16) NOT NULL,
            "CreatedAt" timestamp with time zone NOT NULL,
            "Version" bigint NOT NULL,
            "Bill" text NULL,
            "Paid" bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS "OrderLines" (
            "Id" text NOT NULL CONSTRAINT "PK_OrderLines" PRIMARY KEY,
            "Position" integer NOT NULL,
            "MenuItemId" character varying(64) NOT NULL,
            "Name" character varying(200) NOT NULL,
            "Quantity" integer NOT NULL,
            "UnitPrice" bigint NOT NULL,
            "Diner" character varying(40) NULL,
            "Note" character varying(200) NULL,
            "TicketNumber" integer NULL,
            "OrderId" text NOT NULL CONSTRAINT "FK_OrderLines_Orders_OrderId" REFERENCES "Orders" ("Id") ON DELETE CASCADE
        );
        CREATE UNIQUE INDEX IF NOT EXISTS "IX_OrderLines_OrderId_Position" ON "OrderLines" ("OrderId", "Position");
        CREATE INDEX IF NOT EXISTS "IX_OrderLines_OrderId_TicketNumber" ON "OrderLines" ("OrderId", "TicketNumber");
        CREATE INDEX IF NOT EXISTS "IX_Orders_CreatedAt" ON "Orders" ("CreatedAt");
        CREATE INDEX IF NOT EXISTS "IX_Orders_Status_CreatedAt" ON "Orders" ("Status", "CreatedAt");
        CREATE UNIQUE INDEX IF NOT EXISTS "IX_Orders_Table" ON "Orders" ("Table") WHERE "Status" NOT IN ('Paid', 'Cancelled');
        """;

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task CreateSchemaAsync()
    {
        // A database of its own, as the API's migrations make one.
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = target.Database } } };
            if (await exists.ExecuteScalarAsync() is null)
                await new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection).ExecuteNonQueryAsync();
        }
        await using var command = _source.CreateCommand(Ddl);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<string> OpenOrderAsync(string table)
    {
        var id = Guid.CreateVersion7().ToString("N");
        await using var insert = _source.CreateCommand("""
            INSERT INTO "Orders" ("Id", "Table", "Guests", "Status", "CreatedAt", "Version", "Bill", "Paid")
            VALUES ($1, $2, NULL, 'Open', $3, 0, NULL, 0)
            """);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(table);
        insert.Parameters.AddWithValue(DateTimeOffset.UtcNow);
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    public async Task<AddedLines?> AddLinesAsync(string orderId, IReadOnlyList<Addition> additions)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted);
        await using var read = new NpgsqlCommand("""SELECT "Version" FROM "Orders" WHERE "Id" = $1 FOR UPDATE""", connection, transaction)
        {
            Parameters = { new() { Value = orderId } },
        };
        if (await read.ExecuteScalarAsync() is not long version) return null;
        await using var last = new NpgsqlCommand("""SELECT COALESCE(MAX("Position"), 0) FROM "OrderLines" WHERE "OrderId" = $1""", connection, transaction)
        {
            Parameters = { new() { Value = orderId } },
        };
        var position = (int)(await last.ExecuteScalarAsync())!;

        var lineIds = new List<string>();
        foreach (var addition in additions)
        {
            var (name, price) = BaselineStore.Menu[addition.MenuItemId];
            var lineId = Guid.CreateVersion7().ToString("N");
            await using var insert = new NpgsqlCommand("""
                INSERT INTO "OrderLines" ("Id", "Position", "MenuItemId", "Name", "Quantity", "UnitPrice", "Diner", "Note", "TicketNumber", "OrderId")
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9)
                """, connection, transaction)
            {
                Parameters =
                {
                    new() { Value = lineId }, new() { Value = ++position }, new() { Value = addition.MenuItemId }, new() { Value = name },
                    new() { Value = addition.Quantity }, new() { Value = price }, new() { Value = (object?)addition.Diner ?? DBNull.Value },
                    new() { Value = (object?)addition.Note ?? DBNull.Value }, new() { Value = orderId },
                },
            };
            await insert.ExecuteNonQueryAsync();
            lineIds.Add(lineId);
        }

        await using var update = new NpgsqlCommand("""UPDATE "Orders" SET "Version" = $2 + 1 WHERE "Id" = $1 AND "Version" = $2""", connection, transaction)
        {
            Parameters = { new() { Value = orderId }, new() { Value = version } },
        };
        if (await update.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("The row lock was not held.");
        await transaction.CommitAsync();
        return new AddedLines(orderId, version + 1, lineIds);
    }
}
