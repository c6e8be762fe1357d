namespace Restaurant.Api.Tests.Support;

/// <summary>
/// Two running APIs over one database, as two processes of one deployment would be: each with its own host, its own
/// Kestrel port and its own connection pool, sharing nothing but the database. Node A creates the database (and drops
/// it at the end); node B starts on it once A has migrated and seeded it.
/// </summary>
public sealed class TwoNodeFixture : IAsyncLifetime
{
    public TwoNodeFixture()
    {
        A = new RestaurantApi();
        B = new RestaurantApi(A.Database.SharedWithAnotherNode());
    }

    public RestaurantApi A { get; }

    public RestaurantApi B { get; }

    public Task InitializeAsync()
    {
        A.StartServer();
        B.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // B first: the owner deletes the file, so it goes last.
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
