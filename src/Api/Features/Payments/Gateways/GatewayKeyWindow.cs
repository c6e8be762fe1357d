namespace Restaurant.Api.Features.Payments.Gateways;

/// <summary>
/// How long the gateway remembers an idempotency key: Stripe keeps one at least 24 hours, so a request written ahead
/// (a charge or a refund) may be sent again under its key only within 23 of them; after that a repeat could move money
/// twice, and an outcome still unknown is left for a person to check.
/// </summary>
public static class GatewayKeyWindow
{
    public static readonly TimeSpan Replay = TimeSpan.FromHours(23);

    /// <summary>True when a request written at <paramref name="writtenAt"/> may no longer be sent again under its key.</summary>
    public static bool HasOutlived(DateTimeOffset writtenAt, DateTimeOffset now) => now - writtenAt > Replay;
}
