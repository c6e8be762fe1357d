namespace Restaurant.Api.Tests.Support;

public enum FakeChargeStatus
{
    Succeeded,
    Declined,
    RequiresAction,
    Processing,
}

/// <summary>A PaymentIntent the fake executed; <paramref name="Amount"/> in minor units.</summary>
public sealed record FakeCharge(
    string IdempotencyKey, string PaymentIntentId, long Amount, string Currency, string PaymentMethod,
    FakeChargeStatus Status, string? OrderId, string? TenderId);

public sealed record FakeStripeRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Form);
