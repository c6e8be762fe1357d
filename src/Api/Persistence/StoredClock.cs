namespace Restaurant.Api.Persistence;

/// <summary>
/// The server's clock at the precision both databases keep: PostgreSQL stores microseconds, so an instant the API
/// answers with (a ticket's submittedAt) is the one it reads back later, not a finer one.
/// </summary>
public sealed class StoredClock(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => Truncate(inner.GetUtcNow());

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    public static DateTimeOffset Truncate(DateTimeOffset instant) => instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerMicrosecond));
}
