using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Persistence;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// An Idempotency-Key's answer is stored in the same transaction as the work: when storing it fails, the work is
/// undone with it, and the key stays free for the client's retry, which then does the work once.
/// </summary>
public sealed partial class IdempotencyAtomicityTests : IAsyncLifetime
{
    // The statement that stores the answer (ExecuteUpdate setting the status code), not the one that takes over a lease.
    private readonly FailingCommands _storing = new(sql => StoresAnAnswer().IsMatch(sql));
    private readonly RestaurantApi _api;

    public IdempotencyAtomicityTests() => _api = new RestaurantApi { TestServices = FailCommands };

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Lines_whose_answer_could_not_be_stored_are_not_added_and_the_retry_adds_them_once()
    {
        var session = await TableSession.OpenAsync(_api, Tables.Unique("atomic"));
        var key = Guid.NewGuid().ToString();
        var body = new { add = new[] { TableSession.Item("salad", diner: "Ed"), TableSession.Item("juice", diner: "Ed") } };

        var failed = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key);

        await failed.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
        var retried = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var replayed = await session.Client.PostJsonAsync($"/orders/{session.OrderId}/items", body, key);
        Assert.Equal(await retried.Content.ReadAsByteArrayAsync(), await replayed.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, (await session.GetAsync())["pending"]!.AsArray().Count);
    }

    /// <summary>The API's context type is the provider's own on PostgreSQL (its migrations are its own).</summary>
    private void FailCommands(IServiceCollection services)
    {
        if (TestDatabase.IsPostgres) services.ConfigureDbContext<PostgresRestaurantDbContext>(options => options.AddInterceptors(_storing));
        else services.ConfigureDbContext<RestaurantDbContext>(options => options.AddInterceptors(_storing));
    }

    [GeneratedRegex("""UPDATE "IdempotencyRecords".*SET.*"StatusCode" = """, RegexOptions.Singleline)]
    private static partial Regex StoresAnAnswer();
}
