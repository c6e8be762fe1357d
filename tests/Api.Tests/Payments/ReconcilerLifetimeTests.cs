using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// The reconciler is a singleton that runs for the life of the process; the Stripe gateway wraps a factory
/// <see cref="HttpClient"/>, whose handler the factory recycles only once its clients are let go.
/// </summary>
public sealed class ReconcilerLifetimeTests
{
    [Fact]
    public async Task Each_reconciler_pass_takes_a_new_gateway_client_so_its_handler_can_be_recycled()
    {
        await using var stripe = await FakeStripe.StartAsync();
        var clients = new ConcurrentQueue<string>();
        await using var api = StripeLedger.Api(stripe, services: services => CountClients(services, clients));

        api.StartServer();

        // No payment is made: every gateway client here is one a reconciler pass (every 300 ms) asked for.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (GatewayClients(clients) < 3 && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.True(GatewayClients(clients) >= 3, $"{GatewayClients(clients)} gateway client(s) made: the reconciler holds one");
    }

    private static int GatewayClients(IEnumerable<string> clients) => clients.Count(name => name == nameof(ICardGateway));

    /// <summary>Wraps the app's <see cref="IHttpClientFactory"/> to record the name of every client it makes.</summary>
    private static void CountClients(IServiceCollection services, ConcurrentQueue<string> clients)
    {
        var real = services.Last(d => d.ServiceType == typeof(IHttpClientFactory));
        services.Remove(real);
        services.AddSingleton<IHttpClientFactory>(provider =>
            new RecordingFactory((IHttpClientFactory)real.ImplementationFactory!(provider), clients));
    }

    private sealed class RecordingFactory(IHttpClientFactory real, ConcurrentQueue<string> clients) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name)
        {
            clients.Enqueue(name);
            return real.CreateClient(name);
        }
    }
}
