using Microsoft.Data.Sqlite;

namespace Restaurant.Benchmarks.Baseline;

internal sealed record AddedLines(string Id, long Version, IReadOnlyList<string> LineIds);

/// <summary>What the baseline does with its database, on SQLite (<see cref="BaselineStore"/>) or PostgreSQL (<see cref="NpgsqlBaselineStore"/>).</summary>
internal interface IBaselineStore
{
    Task CreateSchemaAsync();

    Task<string> OpenOrderAsync(string table);

    /// <summary>Null when the order does not exist.</summary>
    Task<AddedLines?> AddLinesAsync(string orderId, IReadOnlyList<Addition> additions);
}

/// <summary>Raw SQL against the API's Orders and OrderLines tables; see Program.cs for what it does and leaves out.</summary>
internal sealed class BaselineStore(string connectionString) : IBaselineStore
{
    // The API's per-connection pragmas (src/Api/Persistence/SqlitePragmas.cs), run on every open as it does.
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    // Minor units, as the API stores prices; the default menu's items.
    public static readonly Dictionary<string, (string Name, long Price)> Menu = new()
    {
        ["salad"] = ("Garden Salad", 800), ["soup"] = ("Soup of the Day", 600), ["omelet"] = ("Omelet", 900),
        ["pancakes"] = ("Pancakes", 850), ["burger"] = ("Burger", 1200), ["fries"] = ("Fries", 400),
        ["juice"] = ("Orange Juice", 400), ["coffee"] = ("Coffee", 300), ["tea"] = ("Tea", 250),
        ["soda"] = ("Soda", 250), ["cake"] = ("Chocolate Cake", 650),
    };

    public async Task CreateSchemaAsync()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;");
        await ExecuteAsync(connection, BaselineSchema.Ddl);
    }

    public async Task<string> OpenOrderAsync(string table)
    {
        var id = Guid.CreateVersion7().ToString("N");
        await using var connection = await OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "Orders" ("Id", "Table", "Guests", "Status", "CreatedAt", "AccessTokenHash", "Version", "Bill", "Paid")
            VALUES ($id, $table, NULL, 'Open', $createdAt, $tokenHash, 0, NULL, 0)
            """;
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$table", table);
        insert.Parameters.AddWithValue("$createdAt", DateTimeOffset.UtcNow.UtcTicks);
        insert.Parameters.AddWithValue("$tokenHash", Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"));
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>Null when the order does not exist.</summary>
    public async Task<AddedLines?> AddLinesAsync(string orderId, IReadOnlyList<Addition> additions)
    {
        await using var connection = await OpenAsync();
        // Serializable is BEGIN IMMEDIATE in Microsoft.Data.Sqlite, as the API's command transaction.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
        var version = await ScalarAsync(connection, """SELECT "Version" FROM "Orders" WHERE "Id" = $id""", orderId);
        if (version is null) return null;
        var position = (long)(await ScalarAsync(connection, """SELECT COALESCE(MAX("Position"), 0) FROM "OrderLines" WHERE "OrderId" = $id""", orderId))!;

        var lineIds = new List<string>();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "OrderLines" ("Id", "Position", "MenuItemId", "Name", "Quantity", "UnitPrice", "Diner", "Note", "TicketNumber", "OrderId")
            VALUES ($id, $position, $menuItemId, $name, $quantity, $unitPrice, $diner, $note, NULL, $orderId)
            """;
        foreach (var addition in additions)
        {
            var (name, price) = Menu[addition.MenuItemId];
            var lineId = Guid.CreateVersion7().ToString("N");
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", lineId);
            insert.Parameters.AddWithValue("$position", ++position);
            insert.Parameters.AddWithValue("$menuItemId", addition.MenuItemId);
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$quantity", addition.Quantity);
            insert.Parameters.AddWithValue("$unitPrice", price);
            insert.Parameters.AddWithValue("$diner", (object?)addition.Diner ?? DBNull.Value);
            insert.Parameters.AddWithValue("$note", (object?)addition.Note ?? DBNull.Value);
            insert.Parameters.AddWithValue("$orderId", orderId);
            await insert.ExecuteNonQueryAsync();
            lineIds.Add(lineId);
        }

        await using var update = connection.CreateCommand();
        update.CommandText = """UPDATE "Orders" SET "Version" = $version + 1 WHERE "Id" = $id AND "Version" = $version""";
        update.Parameters.AddWithValue("$id", orderId);
        update.Parameters.AddWithValue("$version", (long)version);
        if (await update.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("The write lock was not held.");
        await transaction.CommitAsync();
        return new AddedLines(orderId, (long)version + 1, lineIds);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, Pragmas);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, string orderId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", orderId);
        return await command.ExecuteScalarAsync();
    }
}
