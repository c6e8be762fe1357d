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

    private static readonly HashSet<string> Approved = ["pm_card_visa", "pm_card_mastercard", "pm_card_amex"];

    public TimeSpan Latency { get; } = latency;

    public async Task<CardOutcome> ChargeAsync(CardCharge charge, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
        // The same key always gets the same id, as a replayed Stripe request would.
        var paymentId = "pi_sim_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(charge.IdempotencyKey)))[..24];
        if (Approved.Contains(charge.CardToken)) return CardOutcome.Succeeded(paymentId);
        return Declines.TryGetValue(charge.CardToken, out var decline)
            ? CardOutcome.Declined(decline.Code, decline.Message, paymentId)
            : CardOutcome.Declined("invalid_card_token", "This card token is not known; ask the diner to enter the card again.");
    }
}
