namespace Restaurant.Api.Features.Events;

/// <param name="KeepAlive">An idle stream gets a comment line this often (Events:KeepAlive), so proxies keep it open.</param>
/// <param name="PollInterval">How often each node reads the log when nothing signalled (Events:PollInterval): the safety
/// net behind PostgreSQL's NOTIFY, and how SQLite hears of other processes.</param>
/// <param name="Retention">How long events are kept (Events:Retention, at least 24 hours): a stream can resume that far back.</param>
/// <param name="PurgeInterval">How often expired events are deleted (Events:PurgeInterval).</param>
public sealed record EventOptions(TimeSpan KeepAlive, TimeSpan PollInterval, TimeSpan Retention, TimeSpan PurgeInterval)
{
    public static readonly TimeSpan MinRetention = TimeSpan.FromHours(24);

    public static EventOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new EventOptions(
            configuration.GetValue("Events:KeepAlive", TimeSpan.FromSeconds(15)),
            configuration.GetValue("Events:PollInterval", TimeSpan.FromSeconds(1)),
            configuration.GetValue("Events:Retention", MinRetention),
            configuration.GetValue("Events:PurgeInterval", TimeSpan.FromMinutes(10)));
        if (options.KeepAlive <= TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero || options.PurgeInterval <= TimeSpan.Zero)
            throw new InvalidOperationException("Events:KeepAlive, Events:PollInterval and Events:PurgeInterval must be positive.");
        if (options.Retention < MinRetention)
            throw new InvalidOperationException($"Events:Retention ({options.Retention}) must be at least {MinRetention}: streams resume that far back.");
        return options;
    }
}
