using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Events;

public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(EventOptions.FromConfiguration(configuration));
        services.AddSingleton<EventSignal>();
        services.AddSingleton<EventHub>();
        services.AddHostedService(provider => provider.GetRequiredService<EventHub>());
        services.AddHostedService<EventPurge>();
        services.AddSingleton<EventStreams>();
        return services;
    }
}
