using System.Net.Http.Headers;
using Stripe;

namespace Restaurant.Api.Features.Payments.Gateways;

/// <summary>What Stripe's answers (an intent, a card error) and its failures mean for a tender.</summary>
public static class StripeOutcomes
{
    public const string LatestCharge = "latest_charge";

    public const string DeclinedMessage = "Your card was declined.";
    public const string RefusedMessage = "The card was not charged: the payment service refused the request. Please try again or pay another way.";
    public const string UnknownMessage = "The payment service did not confirm this charge yet; it will be checked again, and the card is never charged twice.";
    public const string AuthenticationMessage = "This card needs 3-D Secure verification, which this checkout cannot complete. Please use another card or pay another way.";

    public static CardOutcome FromIntent(PaymentIntent intent)
    {
        var lastError = intent.LastPaymentError;
        return intent.Status switch
        {
            "succeeded" when intent.Id is not null => CardOutcome.Succeeded(intent.Id,
                intent.LatestCharge?.PaymentMethodDetails?.Card?.Brand, intent.LatestCharge?.PaymentMethodDetails?.Card?.Last4),
            "requires_payment_method" or "canceled" => CardOutcome.Declined(
                lastError?.DeclineCode ?? lastError?.Code ?? "card_declined", lastError?.Message ?? DeclinedMessage, intent.Id),
            // Finishing 3-D Secure needs the customer's device, which this server-side checkout does not have.
            "requires_action" => CardOutcome.Declined("authentication_required", AuthenticationMessage, intent.Id),
            _ => CardOutcome.Unknown(UnknownMessage, intent.Id),
        };
    }

    /// <summary>A 402: the card was declined, with Stripe's <c>decline_code</c>, else its error <c>code</c>.</summary>
    public static CardOutcome FromDecline(StripeError? error) => CardOutcome.Declined(
        error?.DeclineCode ?? error?.Code ?? "card_declined", error?.Message ?? DeclinedMessage, error?.PaymentIntent?.Id);

    /// <summary>
    /// No answer from Stripe: a timeout or a dropped connection, which reach us as <see cref="HttpRequestException"/>,
    /// <see cref="IOException"/> or <see cref="OperationCanceledException"/>, bare or wrapped in a
    /// <see cref="StripeException"/> that carries no response.
    /// </summary>
    public static bool IsNoAnswer(Exception exception) => exception switch
    {
        HttpRequestException or IOException or OperationCanceledException => true,
        StripeException { StripeResponse: null } => true,
        _ => exception.InnerException is { } inner && IsNoAnswer(inner),
    };

    /// <summary>The failure's type, and its inner one's, for a log line (never the message, which may quote a request).</summary>
    public static string Describe(Exception exception) =>
        exception.InnerException is { } inner ? $"{exception.GetType().Name} ({inner.GetType().Name})" : exception.GetType().Name;

    public static bool? ShouldRetryHeader(StripeResponse response) =>
        response.Headers is HttpResponseHeaders headers && headers.TryGetValues("Stripe-Should-Retry", out var values)
        && bool.TryParse(values.FirstOrDefault(), out var retry)
            ? retry
            : null;
}
