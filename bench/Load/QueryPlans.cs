using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Restaurant.Benchmarks.Load;

/// <summary>
/// Every SQL statement the API runs on start-up and on the order paths, taken from EF Core's command log (JSON console
/// lines), then explained against the seeded database: a SCAN of a table that grows with history is a finding.
/// </summary>
public static partial class QueryPlans
{
    private static readonly HashSet<string> GrowingTables = ["Orders", "OrderLines", "Tickets", "Tenders", "IdempotencyRecords"];

    public static async Task CaptureAndExplainAsync(string database, int pastOrders, CancellationToken ct)
    {
        var statements = await CaptureAsync(database, ct);
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = Tables(connection);
        Console.WriteLine($"## P5: the SQL of start-up and the order paths, explained on the {pastOrders:N0}-order database");
        Console.WriteLine();
        Console.WriteLine("| # | run on | statement | query plan | verdict |");
        Console.WriteLine("| ---: | --- | --- | --- | --- |");
        var number = 0;
        foreach (var (text, phases) in statements)
            foreach (var statement in text.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
            {
                var plan = Explain(connection, statement);
                Console.WriteLine($"| {++number} | {string.Join(", ", phases)} | `{Abbreviate(statement)}` | {string.Join(" / ", plan)} | {Verdict(statement, plan, tables)} |");
            }
        Console.WriteLine();
    }

    /// <summary>Distinct statement texts in first-seen order, each with the phases (start-up, endpoints) that ran it.</summary>
    private static async Task<List<(string Text, List<string> Phases)>> CaptureAsync(string database, CancellationToken ct)
    {
        var phase = "start-up";
        var seen = new ConcurrentQueue<(string Phase, string Text)>();
        var logging = new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        };
        var pastOrder = FirstPaidOrder(database);
        await using (var api = await ServerProcess.StartApiAsync(database, ct, logging, line =>
        {
            if (CommandText(line) is { } text) seen.Enqueue((Volatile.Read(ref phase), text));
        }))
        {
            using var http = new HttpClient { BaseAddress = api.BaseAddress };
            var client = new ApiClient(http);
            // The console logger writes on its own thread: give each phase's lines time to arrive before the next.
            async Task Phase(string name, int calls, Func<Task> call)
            {
                await Task.Delay(1000, ct);
                Volatile.Write(ref phase, name);
                for (var i = 0; i < calls; i++) await call();
            }
            OpenedOrder order = null!;
            Bill bill = null!;
            var table = $"plans-{Guid.NewGuid():N}"[..20];
            var code = "";
            await Phase("PUT /tables/{id}", 1, async () => code = await client.SetUpTableAsync(table, ct));
            await Phase("POST /orders", 1, async () => order = await client.OpenOrderAsync(table, code, ct));
            await Phase("GET /orders/{id}", 3, () => client.GetOrderAsync(pastOrder, ServerProcess.StaffKey, ct));
            await Phase("POST …/items", 3, () => client.AddAsync(order.Id, order.AccessToken, [new("coffee", 1)], ct));
            await Phase("POST …/submit", 1, () => client.SubmitAsync(order.Id, order.AccessToken, ct));
            await Phase("POST …/bill", 2, async () => bill = await client.BillAsync(order.Id, order.AccessToken, ct));
            await Phase("POST /payments/{id}", 1, () => client.PayAsync(order.Id, order.AccessToken, bill.Total, 3, "card", ct));
            await Task.Delay(1000, ct);
        }
        return seen.GroupBy(s => s.Text).Select(g => (g.Key, g.Select(s => s.Phase).Distinct().ToList())).ToList();
    }

    private static string? CommandText(string line)
    {
        if (!line.StartsWith('{')) return null;
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return root.TryGetProperty("Category", out var category) && category.GetString() == "Microsoft.EntityFrameworkCore.Database.Command"
            && root.TryGetProperty("State", out var state) && state.TryGetProperty("commandText", out var text)
            ? text.GetString()
            : null;
    }

    private static List<string> Explain(SqliteConnection connection, string statement)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var name in Parameter().Matches(statement).Select(m => m.Value).Distinct())
            command.Parameters.AddWithValue(name, DBNull.Value);
        try
        {
            using var reader = command.ExecuteReader();
            var details = new List<string>();
            while (reader.Read()) details.Add(reader.GetString(3));
            return details.Count == 0 ? ["—"] : details;
        }
        catch (SqliteException exception)
        {
            return [$"(not explained: {exception.SqliteErrorCode})"];
        }
    }

    /// <summary>
    /// "SCAN x" where x (or the table x is an alias of) grows with history is a finding; a scan of a small table (menus,
    /// migration history) is not, and neither is one of a one-row subquery (EF's split queries) or a constant row.
    /// </summary>
    private static string Verdict(string statement, List<string> plan, HashSet<string> tables)
    {
        var aliases = Alias().Matches(statement).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        var scanned = plan.Where(d => d.StartsWith("SCAN ", StringComparison.Ordinal))
            .Select(d => d.Split(' ')[1]).Select(name => aliases.GetValueOrDefault(name, name)).Where(tables.Contains).Distinct().ToList();
        var growing = scanned.Where(GrowingTables.Contains).ToList();
        if (growing.Count > 0) return $"**SCAN {string.Join(", ", growing)}**";
        var searches = plan.Any(d => d.StartsWith("SEARCH ", StringComparison.Ordinal));
        if (scanned.Count > 0) return $"{(searches ? "index; " : "")}scan of small {string.Join(", ", scanned)}";
        return searches ? "index" : "no table read";
    }

    private static HashSet<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var tables = new HashSet<string> { "sqlite_master" };
        while (reader.Read()) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>One line, the select list elided.</summary>
    private static string Abbreviate(string statement)
    {
        var line = Whitespace().Replace(statement, " ");
        return SelectList().Replace(line, "SELECT … FROM").Replace("|", "\\|");
    }

    private static string FirstPaidOrder(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "Orders" WHERE "Status" = 'Paid' LIMIT 1""";
        return (string)command.ExecuteScalar()!;
    }

    [GeneratedRegex(@"[@$]\w+")]
    private static partial Regex Parameter();

    [GeneratedRegex("\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex Alias();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"SELECT (?!…)[^()]{60,}? FROM")]
    private static partial Regex SelectList();
}
