namespace Restaurant.Api.Tests.Support;

/// <summary>One running API per test class whose clock the tests move (<see cref="MutableTimeProvider"/>).</summary>
public sealed class ClockedApiFixture : IAsyncLifetime
{
    public ClockedApiFixture()
    {
        Clock = new MutableTimeProvider(DateTimeOffset.UtcNow);
        Api = new RestaurantApi(Clock);
    }

    public MutableTimeProvider Clock { get; }

    public RestaurantApi Api { get; }

    public Task InitializeAsync()
    {
        Api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
