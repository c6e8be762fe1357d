using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Tests.Support.Contract;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// The real API on Kestrel (a loopback port, real HTTP) over its own database (<see cref="TestDatabase"/>). Its clients
/// check every answer against the API's OpenAPI document (<see cref="ContractHandler"/>), asked of the first such server.
/// </summary>
public sealed class RestaurantApi : WebApplicationFactory<Program>
{
    public const string StaffKey = "test-staff-key";

    /// <summary>Every server of this kind runs the API assembly this test process loaded.</summary>
    private static readonly string InProcessBuild = $"in-process {typeof(Program).Assembly.ManifestModule.ModuleVersionId}";

    private readonly TimeProvider? _clock;

    /// <param name="clock">The server's clock; the real one unless a test needs to move time (scheduled menus).</param>
    public RestaurantApi(TimeProvider? clock = null) : this(TestDatabase.CreateNew(), clock)
    {
    }

    /// <summary>
    /// An API over <paramref name="database"/>, which may be another running API's database: then the two are two
    /// nodes of one deployment. The database is dropped with the API that owns it.
    /// </summary>
    public RestaurantApi(TestDatabase database, TimeProvider? clock = null)
    {
        Database = database;
        _clock = clock;
        UseKestrel();
    }

    public TestDatabase Database { get; }

    /// <summary>Configuration on top of the test defaults (a Stripe address, a reconcile interval); set before start.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Services that replace the real ones for one test (a failing interceptor); set before start.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>An unauthenticated caller, such as a diner before the order exists.</summary>
    public HttpClient Anonymous()
    {
        var client = CreateDefaultClient(new ContractHandler());
        ApiContract.Runs(client.BaseAddress!, InProcessBuild);
        return client;
    }

    public HttpClient Staff() => WithToken(StaffKey);

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // A free loopback port, bound by the server itself. UseKestrel(port) would instead set the port on the built
        // host, while the API's entry point goes on to start that host: one that started first refused the change.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        foreach (var (key, value) in Database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Restaurant:StaffKeys:0", StaffKey);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (_clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Database.Dispose();
    }
}
