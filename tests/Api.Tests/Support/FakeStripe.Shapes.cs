using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// What the fake Stripe says and reads: the test cards behind Stripe's test tokens, the JSON of intents, charges and
/// errors, and form fields read as Stripe reads them.
/// </summary>
public sealed partial class FakeStripe
{
    private static readonly Dictionary<string, TestCard> Cards = new()
    {
        ["pm_card_visa"] = TestCard.Succeeds("visa", "4242"),
        ["pm_card_mastercard"] = TestCard.Succeeds("mastercard", "4444"),
        ["pm_card_amex"] = TestCard.Succeeds("amex", "0005"),
        ["pm_card_visa_chargeDeclined"] = TestCard.Declines("0002", "card_declined", "generic_decline", "Your card was declined."),
        ["pm_card_chargeDeclined"] = TestCard.Declines("0002", "card_declined", "generic_decline", "Your card was declined."),
        ["pm_card_visa_chargeDeclinedInsufficientFunds"] = TestCard.Declines("9995", "card_declined", "insufficient_funds", "Your card has insufficient funds."),
        ["pm_card_chargeDeclinedInsufficientFunds"] = TestCard.Declines("9995", "card_declined", "insufficient_funds", "Your card has insufficient funds."),
        ["pm_card_visa_chargeDeclinedLostCard"] = TestCard.Declines("9987", "card_declined", "lost_card", "Your card was declined."),
        ["pm_card_visa_chargeDeclinedStolenCard"] = TestCard.Declines("9979", "card_declined", "stolen_card", "Your card was declined."),
        ["pm_card_chargeDeclinedExpiredCard"] = TestCard.Declines("0069", "expired_card", null, "Your card has expired."),
        ["pm_card_chargeDeclinedIncorrectCvc"] = TestCard.Declines("0127", "incorrect_cvc", null, "Your card's security code is incorrect."),
        ["pm_card_chargeDeclinedProcessingError"] = TestCard.Declines("0119", "processing_error", null, "An error occurred while processing your card. Try again in a little bit."),
        ["pm_card_authenticationRequired"] = new TestCard(FakeChargeStatus.RequiresAction, "visa", "3184", null, null, null),
    };

    /// <summary>
    /// Form or query fields as Stripe reads them: a list sent indexed (<c>expand[0]=a&amp;expand[1]=b</c>, as Stripe.net
    /// sends lists) or bare (<c>expand[]=a</c>) is one key, <c>expand[]</c>, its values joined by commas.
    /// </summary>
    private static Dictionary<string, string> Fields(IEnumerable<KeyValuePair<string, StringValues>> pairs) => pairs
        .Select(p => (Key: ListIndex().Replace(p.Key, "[]"), Index: ListIndex().Match(p.Key) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0, p.Value))
        .GroupBy(p => p.Key)
        .ToDictionary(g => g.Key, g => string.Join(',', g.OrderBy(p => p.Index).Select(p => p.Value.ToString())));

    [GeneratedRegex(@"\[(\d+)\]$")]
    private static partial Regex ListIndex();

    private static bool ExpandsCharge(IReadOnlyDictionary<string, string> fields) =>
        fields.GetValueOrDefault("expand[]")?.Split(',').Contains("latest_charge") == true;

    /// <param name="expandCharge">Whether <c>latest_charge</c> is the charge itself (expanded) rather than its id.</param>
    private static JsonObject IntentJson(FakeCharge charge, bool expandCharge) => new()
    {
        ["id"] = charge.PaymentIntentId,
        ["object"] = "payment_intent",
        ["amount"] = charge.Amount,
        ["amount_received"] = charge.Status == FakeChargeStatus.Succeeded ? charge.Amount : 0,
        ["currency"] = charge.Currency,
        ["status"] = charge.Status switch
        {
            FakeChargeStatus.Succeeded => "succeeded",
            FakeChargeStatus.Declined => "requires_payment_method",
            FakeChargeStatus.RequiresAction => "requires_action",
            _ => "processing",
        },
        // A declined intent detaches the card, as Stripe does.
        ["payment_method"] = charge.Status == FakeChargeStatus.Declined ? null : charge.PaymentMethod,
        ["metadata"] = new JsonObject { ["order_id"] = charge.OrderId, ["tender_id"] = charge.TenderId },
        ["last_payment_error"] = charge.Status == FakeChargeStatus.Declined ? CardErrorJson(Cards[charge.PaymentMethod]) : null,
        ["next_action"] = charge.Status == FakeChargeStatus.RequiresAction ? new JsonObject { ["type"] = "use_stripe_sdk" } : null,
        // No charge is made while 3-D Secure waits for the customer.
        ["latest_charge"] = charge.Status == FakeChargeStatus.RequiresAction ? null
            : expandCharge ? ChargeJson(charge) : ChargeId(charge),
    };

    private static string ChargeId(FakeCharge charge) => "ch_" + charge.PaymentIntentId["pi_".Length..];

    private static JsonObject ChargeJson(FakeCharge charge)
    {
        var card = Cards[charge.PaymentMethod];
        return new JsonObject
        {
            ["id"] = ChargeId(charge),
            ["object"] = "charge",
            ["amount"] = charge.Amount,
            ["currency"] = charge.Currency,
            ["payment_intent"] = charge.PaymentIntentId,
            ["status"] = charge.Status switch
            {
                FakeChargeStatus.Succeeded => "succeeded",
                FakeChargeStatus.Declined => "failed",
                _ => "pending",
            },
            ["payment_method_details"] = new JsonObject
            {
                ["type"] = "card",
                ["card"] = new JsonObject { ["brand"] = card.Brand, ["last4"] = card.Last4 },
            },
        };
    }

    private static JsonObject CardErrorJson(TestCard card)
    {
        var error = new JsonObject { ["type"] = "card_error", ["code"] = card.Code, ["message"] = card.Message };
        if (card.DeclineCode is not null) error["decline_code"] = card.DeclineCode;
        return error;
    }

    private static StoredResponse Error(int status, string type, string? code, string message)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null) error["code"] = code;
        return new StoredResponse(status, new JsonObject { ["error"] = error }.ToJsonString());
    }

    /// <param name="Brand">The brand and last 4 of the test card behind the token, as the charge reports them.</param>
    private sealed record TestCard(FakeChargeStatus Status, string Brand, string Last4, string? Code, string? DeclineCode, string? Message)
    {
        public static TestCard Succeeds(string brand, string last4) => new(FakeChargeStatus.Succeeded, brand, last4, null, null, null);

        public static TestCard Declines(string last4, string code, string? declineCode, string message) =>
            new(FakeChargeStatus.Declined, "visa", last4, code, declineCode, message);
    }

    private sealed record StoredResponse(int Status, string Body, bool? ShouldRetry = null, bool Replayed = false);
}
