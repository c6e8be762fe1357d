using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restaurant.Api.Persistence;
using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Outage;

/// <summary>
/// SQLite's outages, on a SQLite file whichever provider the suite runs on: the file's write lock held by another
/// process for longer than the lock timeout, and a full disk. Each is a 503 with Retry-After that changed nothing, and
/// the same request succeeds once the database can write again.
/// </summary>
[RunsLong(15)]
public sealed class SqliteOutageTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly SqliteDiskLimit _disk = new();
    private readonly RestaurantApi _api;

    public SqliteOutageTests()
    {
        _api = new RestaurantApi(TestDatabase.CreateSqlite())
        {
            TestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(_logs);
                services.ConfigureDbContext<RestaurantDbContext>(options => options.AddInterceptors(_disk));
            },
        };
        // Short, so that a held lock is answered in about a second.
        _api.Settings["Restaurant:Sqlite:LockTimeout"] = "00:00:00.300";
        _api.Settings["Logging:LogLevel:Default"] = "Trace";
    }

    [Fact]
    public async Task A_write_lock_held_past_the_lock_timeout_is_a_503_and_the_same_request_succeeds_once_it_is_released()
    {
        var session = await OpenAsync(_api, Tables.Unique("locked"));

        await using (await HoldWriteLockAsync())
            await (await session.AddAsync(Item("soup", note: "held"))).AssertUnavailableAsync();
        var added = await (await session.AddAsync(Item("soup", note: "held"))).ReadOkJsonAsync();

        Assert.Single(added["pending"]!.AsArray(), line => line!["note"].Text() == "held");
    }

    [Fact]
    public async Task A_full_disk_is_a_503_that_leaves_nothing_half_written_and_the_same_request_succeeds_once_there_is_room()
    {
        var session = await OpenAsync(_api, Tables.Unique("full"));
        await (await session.AddAsync(Item("salad", note: "before"))).ReadOkJsonAsync();
        var before = (await session.GetAsync()).ToJsonString();
        // Forty lines with long notes need new pages, which a full disk cannot give.
        var lines = Enumerable.Range(0, 40).Select(i => Item("tea", note: $"{i:00}-" + new string('x', 190))).ToArray();

        _disk.Full = true;
        await (await session.AddAsync(lines)).AssertUnavailableAsync();
        Assert.Equal(before, (await session.GetAsync()).ToJsonString());
        _disk.Full = false;
        var added = await (await session.AddAsync(lines)).ReadOkJsonAsync();

        Assert.Equal(41, added["pending"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_burst_of_requests_refused_in_one_outage_logs_one_warning_and_no_failure()
    {
        var session = await OpenAsync(_api, Tables.Unique("burst"));
        var warningsBefore = Warnings().Count;

        await using (await HoldWriteLockAsync())
        {
            var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => session.AddAsync(Item("tea", note: $"burst {i}"))));
            foreach (var refused in burst) await refused.AssertUnavailableAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // the outage ends at a success after a quiet second
        await (await session.AddAsync(Item("tea", note: "after"))).ReadOkJsonAsync();

        var warnings = Warnings().Skip(warningsBefore).ToList();
        Assert.True(warnings.Count == 1, "Warnings and errors:\n" + string.Join('\n', warnings));
        Assert.Contains("The database is unavailable", warnings[0]);
        Assert.DoesNotContain("Unhandled failure", _logs.Text);
        Assert.Contains("The database is back", _logs.Text);
    }

    /// <summary>What another process does when it holds the file's write lock: an open BEGIN IMMEDIATE.</summary>
    private async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(_api.Database.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }
        return connection; // disposing it rolls back and lets go of the lock
    }

    private List<string> Warnings() =>
        _logs.Text.Split('\n').Where(line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal)
            || line.StartsWith("Critical", StringComparison.Ordinal)).ToList();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
