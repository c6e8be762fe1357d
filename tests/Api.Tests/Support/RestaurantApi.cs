using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Restaurant.Api.Tests.Support;

/// <summary>The real API on Kestrel (a loopback port, real HTTP) over its own SQLite file.</summary>
public sealed class RestaurantApi : WebApplicationFactory<Program>
{
    public const string StaffKey = "test-staff-key";

    public RestaurantApi() => UseKestrel(0);

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"restaurant-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

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
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabasePath + suffix);
    }
}
