namespace Restaurant.Api.Features.Payments.Gateways;

public enum CardOutcomeKind
{
    Succeeded,
    Declined,
    /// <summary>The card may or may not have been charged (timeout, dropped connection, gateway error).</summary>
    Unknown,
}

/// <param name="CardBrand">The charged card's brand (<c>visa</c>, <c>mastercard</c>…), when the gateway told it.</param>
/// <param name="CardLast4">The charged card's last four digits, when the gateway told them (not card data under PCI DSS).</param>
public sealed record CardOutcome(
    CardOutcomeKind Kind, string? PaymentId, string? DeclineCode, string? Message, string? CardBrand = null, string? CardLast4 = null)
{
    public static CardOutcome Succeeded(string paymentId, string? cardBrand = null, string? cardLast4 = null) =>
        new(CardOutcomeKind.Succeeded, paymentId, null, null, cardBrand, cardLast4);
    public static CardOutcome Declined(string declineCode, string message, string? paymentId = null) =>
        new(CardOutcomeKind.Declined, paymentId, declineCode, message);
    public static CardOutcome Unknown(string message, string? paymentId = null) =>
        new(CardOutcomeKind.Unknown, paymentId, null, message);
}
