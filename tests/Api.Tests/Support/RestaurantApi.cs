using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Restaurant.Api.Tests.Support;

/// <summary>The real API on Kestrel (a loopback port, real HTTP) over its own SQLite file.</summary>
public sealed class RestaurantApi : WebApplicationFactory<Program>
{
    public const string StaffKey = "test-staff-key";

    private readonly TimeProvider? _clock;
    private readonly bool _ownsDatabase;

    /// <param name="clock">The server's clock; the real one unless a test needs to move time (scheduled menus).</param>
    public RestaurantApi(TimeProvider? clock = null)
        : this(Path.Combine(Path.GetTempPath(), $"restaurant-test-{Guid.NewGuid():N}.db"), ownsDatabase: true, clock)
    {
    }

    /// <summary>
    /// An API over the SQLite file at <paramref name="databasePath"/>, which may be another running API's file: then
    /// the two are two nodes of one deployment. Only the API that owns the file deletes it when disposed.
    /// </summary>
    /// <param name="connectionOptions">Extra connection-string keywords (such as <c>Pooling=True</c>): a node with
    /// its own connection string gets its own connection pool, as a separate process would.</param>
    public RestaurantApi(string databasePath, bool ownsDatabase, TimeProvider? clock = null, string? connectionOptions = null)
    {
        DatabasePath = databasePath;
        ConnectionString = connectionOptions is null ? $"Data Source={databasePath}" : $"Data Source={databasePath};{connectionOptions}";
        _ownsDatabase = ownsDatabase;
        _clock = clock;
        UseKestrel(0);
    }

    public string DatabasePath { get; }

    public string ConnectionString { get; }

    /// <summary>Configuration on top of the test defaults (a Stripe address, a reconcile interval); set before start.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Services that replace the real ones for one test (a failing interceptor); set before start.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>An unauthenticated caller, such as a diner before the order exists.</summary>
    public HttpClient Anonymous() => CreateClient();

    public HttpClient Staff() => WithToken(StaffKey);

    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Restaurant", ConnectionString);
        builder.UseSetting("Restaurant:StaffKeys:0", StaffKey);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (_clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!_ownsDatabase) return;
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabasePath + suffix);
    }
}
