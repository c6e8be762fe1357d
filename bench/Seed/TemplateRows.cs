using Microsoft.Data.Sqlite;

namespace Restaurant.Benchmarks;

/// <summary>One stored row: its columns' names and values (long, string or null) in table order.</summary>
public sealed record Row(string[] Columns, object?[] Values)
{
    public object? this[string column] => Values[Array.IndexOf(Columns, column)];
}

/// <summary>A template order's rows in Orders, OrderLines, Tickets and Tenders, and the ids a copy must renew.</summary>
public sealed class TemplateRows
{
    public static readonly string[] ChildTables = ["OrderLines", "Tickets", "Tenders"];
    /// <summary>Columns holding instants (UTC ticks), moved with the copy's creation time.</summary>
    public static readonly HashSet<string> InstantColumns = ["CreatedAt", "SubmittedAt"];

    public required Row Order { get; init; }
    public required Dictionary<string, List<Row>> Children { get; init; }

    public long CreatedAt => (long)Order["CreatedAt"]!;

    /// <summary>Every id of this order that a copy replaces (they also occur inside the bill JSON and gateway keys).</summary>
    public IEnumerable<string> Ids() =>
        new[] { (string)Order["Id"]! }
            .Concat(Children["OrderLines"].Select(line => (string)line["Id"]!))
            .Concat(Children["Tenders"].SelectMany(t => new[] { (string)t["Id"]!, (string)t["AttemptId"]!, t["PaymentId"] as string }))
            .OfType<string>()
            .Distinct();

    public static List<TemplateRows> ReadAll(SqliteConnection connection)
    {
        var orders = Read(connection, "Orders");
        var children = ChildTables.ToDictionary(table => table, table => Read(connection, table));
        return orders.Select(order => new TemplateRows
        {
            Order = order,
            Children = children.ToDictionary(
                child => child.Key,
                child => child.Value.Where(row => Equals(row["OrderId"], order["Id"])).ToList()),
        }).ToList();
    }

    private static List<Row> Read(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<Row>();
        while (reader.Read())
            rows.Add(new Row(columns, columns.Select((_, i) => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray()));
        return rows;
    }
}
