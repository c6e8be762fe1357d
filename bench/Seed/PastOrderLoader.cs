using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Restaurant.Benchmarks;

/// <summary>
/// Fills a database with paid orders from the past: a few template orders are made through the API (which creates
/// and migrates the file), then copied with raw SQL (prepared INSERTs, large transactions), each copy with new ids and
/// its creation time spread evenly over the last three years.
/// </summary>
public static class PastOrderLoader
{
    private const int TemplateCount = 12;
    private const int OrdersPerTransaction = 20_000;
    // Measured: about 3.3 KB a paid order with its rows and indexes; about doubled for the WAL and headroom.
    private const long BytesPerOrderNeeded = 6_000;

    public static async Task LoadAsync(string databasePath, int orders, Action<string> progress, CancellationToken ct)
    {
        if (File.Exists(databasePath)) throw new InvalidOperationException($"{databasePath} exists already.");
        EnsureFreeSpace(databasePath, orders);
        var stopwatch = Stopwatch.StartNew();
        await TemplateOrders.CreateAsync(databasePath, TemplateCount, ct);
        progress($"created and migrated by the API, {TemplateCount} template orders made through it: {stopwatch.Elapsed.TotalSeconds:0.0} s");

        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        // Seeding only: no fsync and a large cache. The file stays in WAL mode, as the API left it.
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;");
        var templates = TemplateRows.ReadAll(connection);
        var inserts = new Dictionary<string, RowInsert>
        {
            ["Orders"] = new(connection, "Orders", templates[0].Order.Columns),
        };
        foreach (var table in TemplateRows.ChildTables)
            inserts[table] = new(connection, table, templates.SelectMany(t => t.Children[table]).First().Columns);

        var first = DateTimeOffset.UtcNow.AddYears(-3);
        var spacing = (DateTimeOffset.UtcNow.AddDays(-1) - first) / orders;
        for (var start = 0; start < orders; start += OrdersPerTransaction)
        {
            ct.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction();
            foreach (var insert in inserts.Values) insert.Command.Transaction = transaction;
            for (var i = start; i < Math.Min(orders, start + OrdersPerTransaction); i++)
                Copy(templates[i % templates.Count], first + spacing * i, i, inserts);
            transaction.Commit();
            if ((start / OrdersPerTransaction) % 10 == 9 || start + OrdersPerTransaction >= orders)
                progress($"{Math.Min(orders, start + OrdersPerTransaction):N0} orders: {stopwatch.Elapsed.TotalSeconds:0.0} s");
        }
        foreach (var insert in inserts.Values) insert.Command.Dispose();
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        progress($"done in {stopwatch.Elapsed.TotalSeconds:0.0} s; {new FileInfo(databasePath).Length / 1e6:N0} MB");
    }

    private static void Copy(TemplateRows template, DateTimeOffset createdAt, int number, Dictionary<string, RowInsert> inserts)
    {
        var ids = template.Ids().ToDictionary(id => id, id => id.StartsWith("pi_sim_", StringComparison.Ordinal)
            ? "pi_sim_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))
            : Guid.CreateVersion7(createdAt).ToString("N"));
        var shift = createdAt.UtcTicks - template.CreatedAt;
        var orderId = ids[(string)template.Order["Id"]!];
        inserts["Orders"].Insert(template.Order, ids, shift, column => column switch
        {
            "Table" => $"{1 + number % 40}",
            "AccessTokenHash" => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(orderId))),
            _ => null,
        });
        foreach (var (table, rows) in template.Children)
            foreach (var row in rows) inserts[table].Insert(row, ids, shift, _ => null);
    }

    private static void EnsureFreeSpace(string databasePath, int orders)
    {
        var drive = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(databasePath))!);
        var needed = orders * BytesPerOrderNeeded;
        if (drive.AvailableFreeSpace < needed)
            throw new InvalidOperationException($"{orders:N0} orders need about {needed / 1e9:0.0} GB; {drive.Name} has {drive.AvailableFreeSpace / 1e9:0.0} GB free.");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A prepared INSERT of one table's row; Tickets' sequence is left to AUTOINCREMENT.</summary>
    private sealed class RowInsert
    {
        private readonly string[] columns;

        public SqliteCommand Command { get; }

        public RowInsert(SqliteConnection connection, string table, string[] templateColumns)
        {
            columns = templateColumns.Where(c => c != "Sequence").ToArray();
            Command = connection.CreateCommand();
            Command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$c{i}"))})";
            for (var i = 0; i < columns.Length; i++) Command.Parameters.Add(new SqliteParameter($"$c{i}", null));
        }

        /// <summary>The template row with its ids renewed, its instants shifted, and any column <paramref name="replace"/> gives.</summary>
        public void Insert(Row row, Dictionary<string, string> ids, long shift, Func<string, string?> replace)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                var value = replace(column) ?? row[column] switch
                {
                    long ticks when TemplateRows.InstantColumns.Contains(column) => ticks + shift,
                    string text => Renew(text, ids),
                    var other => other,
                };
                Command.Parameters[i].Value = value ?? DBNull.Value;
            }
            Command.ExecuteNonQuery();
        }

        private static string Renew(string text, Dictionary<string, string> ids)
        {
            if (ids.TryGetValue(text, out var renewed)) return renewed;
            // Ids inside longer text: the bill JSON (order and line ids) and the gateway key (the tender id).
            if (text.Length < 40) return text;
            foreach (var (old, replacement) in ids) text = text.Replace(old, replacement, StringComparison.Ordinal);
            return text;
        }
    }
}
