namespace Restaurant.Api.Features.Payments.Gateways;

public enum RefundOutcomeKind
{
    Succeeded,
    /// <summary>The gateway took the refund but has not settled it (Stripe's <c>pending</c>): ask again by its id.</summary>
    Pending,
    Failed,
    /// <summary>The refund may or may not have been made (timeout, dropped connection, gateway error).</summary>
    Unknown,
}

/// <param name="RefundId">The gateway's refund id, when it gave one.</param>
/// <param name="FailureReason">Why it failed (Stripe's <c>failure_reason</c>, or the code of a refused request).</param>
public sealed record RefundOutcome(RefundOutcomeKind Kind, string? RefundId, string? FailureReason)
{
    public static RefundOutcome Unknown(string? refundId = null) => new(RefundOutcomeKind.Unknown, refundId, null);
}

/// <summary>A card refund as the gateway is asked for it.</summary>
/// <param name="PaymentId">The tender's payment at the gateway (a Stripe PaymentIntent).</param>
/// <param name="KnownRefundId">The gateway's id from an earlier pending answer: then its status is read, not asked again.</param>
/// <param name="AskingAgain">The refund may have been sent before (a reconciliation): a refusal of this request settles nothing.</param>
public sealed record CardRefund(
    string IdempotencyKey, string PaymentId, long AmountMinor, string OrderId, string RefundId, string? KnownRefundId = null,
    bool AskingAgain = false);
