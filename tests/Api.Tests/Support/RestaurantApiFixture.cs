namespace Restaurant.Api.Tests.Support;

/// <summary>One running API per test class; tests use their own tables so they do not see each other.</summary>
public sealed class RestaurantApiFixture : IAsyncLifetime
{
    public RestaurantApi Api { get; } = new();

    public Task InitializeAsync()
    {
        Api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
