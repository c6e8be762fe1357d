namespace Restaurant.Api.Features.Payments.Gateways;

/// <summary>
/// Takes money from a card token. Asking again with the same <see cref="CardCharge.IdempotencyKey"/> never charges
/// twice: it answers with the first charge's outcome, which is how an unknown outcome is reconciled.
/// </summary>
public interface ICardGateway
{
    /// <summary>Never throws for the gateway's failures: what cannot be known is <see cref="CardOutcomeKind.Unknown"/>.</summary>
    Task<CardOutcome> ChargeAsync(CardCharge charge, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back part or all of a charge. Asking again with the same <see cref="CardRefund.IdempotencyKey"/> never
    /// refunds twice. Never throws for the gateway's failures: what cannot be known is <see cref="RefundOutcomeKind.Unknown"/>.
    /// </summary>
    Task<RefundOutcome> RefundAsync(CardRefund refund, CancellationToken cancellationToken);
}

/// <param name="AmountMinor">Amount plus tip, in minor units.</param>
/// <param name="KnownPaymentId">The gateway's id from an earlier unknown outcome, when it gave one.</param>
/// <param name="AskingAgain">
/// The charge may have been sent before (a reconciliation): only a definite answer (charged, or declined by the card)
/// settles it; a refusal of this request says nothing about the first one.
/// </param>
public sealed record CardCharge(
    string IdempotencyKey, long AmountMinor, string Currency, string CardToken, string OrderId, string TenderId,
    string? KnownPaymentId = null, bool AskingAgain = false);
