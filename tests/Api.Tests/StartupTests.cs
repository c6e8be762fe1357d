using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Restaurant.Api.Tests.Support;
using Restaurant.Api.Tests.Support.Contract;

namespace Restaurant.Api.Tests;

/// <summary>Staff keys come from configuration; only Development may fall back to the well-known key.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.CreateEmpty();

    [Fact]
    public async Task Development_without_staff_keys_accepts_the_development_key()
    {
        await using var api = Host("Development");
        var client = api.CreateDefaultClient(new ContractHandler());
        client.DefaultRequestHeaders.Authorization = new("Bearer", "dev-staff-key");

        var response = await client.GetAsync("/kitchen/tickets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Other_environments_refuse_to_start_without_staff_keys(string environment)
    {
        using var api = Host(environment);

        var failure = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Restaurant:StaffKeys", failure.ToString());
    }

    private WebApplicationFactory<Program> Host(string environment) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in _database.Settings) builder.UseSetting(key, value);
        });

    public void Dispose() => _database.Dispose();
}
