using System.Security.Cryptography;
using System.Text;

namespace Restaurant.Api.Features.Payments.Gateways;

/// <summary>
/// The card gateway when no Stripe key is configured: answers by token as Stripe's test payment methods do, after
/// <see cref="Latency"/>, so that a restaurant (or a benchmark) can run the whole flow without Stripe.
/// </summary>
public sealed class SimulatedCardGateway(TimeSpan latency) : ICardGateway
{
    private static readonly Dictionary<string, (string Code, string Message)> Declines = new()
    {
        ["pm_card_chargeDeclined"] = ("generic_decline", "Your card was declined."),
        ["pm_card_visa_chargeDeclined"] = ("generic_decline", "Your card was declined."),
        ["pm_card_chargeDeclinedInsufficientFunds"] = ("insufficient_funds", "Your card has insufficient funds."),
        ["pm_card_visa_chargeDeclinedInsufficientFunds"] = ("insufficient_funds", "Your card has insufficient funds."),
        ["pm_card_chargeDeclinedExpiredCard"] = ("expired_card", "Your card has expired."),
    };

    // Brand and last 4 of the test cards behind Stripe's tokens.
    private static readonly Dictionary<string, (string Brand, string Last4)> Approved = new()
    {
        ["pm_card_visa"] = ("visa", "4242"),
        ["pm_card_mastercard"] = ("mastercard", "4444"),
        ["pm_card_amex"] = ("amex", "0005"),
    };

    public TimeSpan Latency { get; } = latency;

    public async Task<CardOutcome> ChargeAsync(CardCharge charge, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
        // The same key always gets the same id, as a replayed Stripe request would.
        var paymentId = "pi_sim_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(charge.IdempotencyKey)))[..24];
        if (Approved.TryGetValue(charge.CardToken, out var card)) return CardOutcome.Succeeded(paymentId, card.Brand, card.Last4);
        return Declines.TryGetValue(charge.CardToken, out var decline)
            ? CardOutcome.Declined(decline.Code, decline.Message, paymentId)
            : CardOutcome.Declined("invalid_card_token", "This card token is not known; ask the diner to enter the card again.");
    }

    /// <summary>Every refund of a charge it made succeeds (the order's rules keep refunds within what the charge took).</summary>
    public async Task<RefundOutcome> RefundAsync(CardRefund refund, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
        var refundId = "re_sim_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refund.IdempotencyKey)))[..24];
        return new RefundOutcome(RefundOutcomeKind.Succeeded, refundId, null);
    }
}
