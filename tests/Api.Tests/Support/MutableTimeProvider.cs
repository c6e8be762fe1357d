namespace Restaurant.Api.Tests.Support;

/// <summary>A clock the test moves by hand, so a scheduled menu's time can come without waiting for it.</summary>
public sealed class MutableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
