using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Restaurant.Api.Features.Payments.Gateways;

/// <summary>
/// Charges a tender as one confirmed Stripe PaymentIntent over plain HTTP (docs: STRIPE.md). Every attempt of one
/// charge carries the tender's idempotency key, so a retry after a timeout learns the first outcome instead of
/// charging again.
/// </summary>
public sealed class StripeCardGateway(HttpClient http, StripeOptions options, ILogger<StripeCardGateway> logger) : ICardGateway
{
    // Pinned so that a change of the account's default API version cannot change the shapes parsed here.
    public const string ApiVersion = "2024-06-20";

    private const string DeclinedMessage = "Your card was declined.";
    private const string RefusedMessage = "The card was not charged: the payment service refused the request. Please try again or pay another way.";
    private const string UnknownMessage = "The payment service did not confirm this charge yet; it will be checked again, and the card is never charged twice.";
    private const string AuthenticationMessage = "This card needs 3-D Secure verification, which this checkout cannot complete. Please use another card or pay another way.";

    private readonly Uri _baseUri = new(options.BaseUrl);

    public async Task<CardOutcome> ChargeAsync(CardCharge charge, CancellationToken cancellationToken)
    {
        // Once an attempt may have charged (no answer, 5xx, 409), a later refusal such as a 429 says nothing about
        // that attempt: only a definite answer (200 or 402, which Stripe replays from the first request) settles it.
        // A known payment id means an intent already exists, so a refused status query proves nothing either.
        var mayHaveCharged = charge.KnownPaymentId is not null || charge.AskingAgain;
        for (var retry = 0; ; retry++)
        {
            var attempt = await AttemptAsync(charge, cancellationToken);
            mayHaveCharged |= attempt.MayHaveCharged;
            var outcome = attempt.Outcome;
            if (outcome is null && attempt.Retry && retry < options.MaxRetries)
            {
                logger.LogWarning("Stripe attempt {Attempt} for tender {TenderId} failed ({Failure}); retrying",
                    retry + 1, charge.TenderId, attempt.Failure);
                await Task.Delay(Backoff(retry), cancellationToken);
                continue;
            }

            outcome ??= mayHaveCharged
                ? CardOutcome.Unknown(UnknownMessage, charge.KnownPaymentId)
                : CardOutcome.Declined(attempt.RefusalCode ?? "gateway_refused", RefusedMessage);
            logger.Log(outcome.Kind == CardOutcomeKind.Unknown ? LogLevel.Warning : LogLevel.Information,
                "Stripe charge for tender {TenderId}: {Outcome} {DeclineCode} after {Attempts} attempt(s), last {Failure}",
                charge.TenderId, outcome.Kind, outcome.DeclineCode, retry + 1, attempt.Failure);
            return outcome;
        }
    }

    private async Task<Attempt> AttemptAsync(CardCharge charge, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(options.Timeout);
        try
        {
            using var request = CreateRequest(charge);
            using var response = await http.SendAsync(request, attemptTimeout.Token);
            var body = await response.Content.ReadAsStringAsync(attemptTimeout.Token);
            return Classify(charge, response, body);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new Attempt(null, Retry: true, MayHaveCharged: true, RefusalCode: null,
                Failure: exception is OperationCanceledException ? "timeout" : "no answer: " + exception.GetType().Name);
        }
    }

    private HttpRequestMessage CreateRequest(CardCharge charge)
    {
        HttpRequestMessage request;
        if (charge.KnownPaymentId is { } paymentId)
        {
            // An earlier answer said "processing": ask for the intent's current status rather than confirming again.
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUri, "/v1/payment_intents/" + Uri.EscapeDataString(paymentId)));
        }
        else
        {
            request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, "/v1/payment_intents"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["amount"] = charge.AmountMinor.ToString(CultureInfo.InvariantCulture),
                    ["currency"] = charge.Currency.ToLowerInvariant(),
                    ["payment_method"] = charge.CardToken,
                    ["confirm"] = "true",
                    // Card only, so that confirming never asks for a return_url for a redirect-based method.
                    ["payment_method_types[]"] = "card",
                    ["metadata[order_id]"] = charge.OrderId,
                    ["metadata[tender_id]"] = charge.TenderId,
                }),
            };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", charge.IdempotencyKey);
        }

        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + options.SecretKey);
        request.Headers.TryAddWithoutValidation("Stripe-Version", ApiVersion);
        return request;
    }

    private Attempt Classify(CardCharge charge, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var failure = "HTTP " + status;
        using var document = ParseOrNull(body);
        var root = document?.RootElement ?? default;
        var error = Property(root, "error");

        if (response.StatusCode == HttpStatusCode.OK)
            return new Attempt(FromIntent(root), Retry: false, MayHaveCharged: true, RefusalCode: null, failure);
        if (response.StatusCode == HttpStatusCode.PaymentRequired)
        {
            var declined = CardOutcome.Declined(
                Text(error, "decline_code") ?? Text(error, "code") ?? "card_declined",
                Text(error, "message") ?? DeclinedMessage,
                Text(Property(error, "payment_intent"), "id"));
            return new Attempt(declined, Retry: false, MayHaveCharged: false, RefusalCode: null, failure);
        }

        if (Text(error, "type") == "idempotency_error")
        {
            // Keys are derived from tenders, so the same key never carries other parameters: this is a bug to look at.
            logger.LogError("Stripe refused the idempotency key of tender {TenderId} as reused with other parameters", charge.TenderId);
            return new Attempt(CardOutcome.Unknown(UnknownMessage, charge.KnownPaymentId), Retry: false, MayHaveCharged: true, RefusalCode: null, failure);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            logger.LogError("Stripe refused the secret key (HTTP {StatusCode}) for tender {TenderId}", status, charge.TenderId);

        // A 4xx other than 409 was refused before anything ran; a 409 means the key's first request is still running.
        var mayHaveCharged = status is < 400 or >= 500 or 409;
        var retry = ShouldRetryHeader(response) ?? status is 409 or >= 500;
        return new Attempt(null, retry, mayHaveCharged, Text(error, "code"), failure);
    }

    private static CardOutcome FromIntent(JsonElement intent)
    {
        var paymentId = Text(intent, "id");
        var lastError = Property(intent, "last_payment_error");
        return Text(intent, "status") switch
        {
            "succeeded" when paymentId is not null => CardOutcome.Succeeded(paymentId),
            "requires_payment_method" or "canceled" => CardOutcome.Declined(
                Text(lastError, "decline_code") ?? Text(lastError, "code") ?? "card_declined",
                Text(lastError, "message") ?? DeclinedMessage, paymentId),
            // Finishing 3-D Secure needs the customer's device, which this server-side checkout does not have.
            "requires_action" => CardOutcome.Declined("authentication_required", AuthenticationMessage, paymentId),
            _ => CardOutcome.Unknown(UnknownMessage, paymentId),
        };
    }

    // Stripe's SDKs: exponential from the base delay, capped, with jitter so that parallel retries spread out.
    private TimeSpan Backoff(int retry) =>
        Math.Min(Math.Pow(2, retry), 4) * options.RetryBaseDelay * (0.5 + Random.Shared.NextDouble() / 2);

    private static bool? ShouldRetryHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Stripe-Should-Retry", out var values) && bool.TryParse(values.FirstOrDefault(), out var retry)
            ? retry
            : null;

    private static JsonDocument? ParseOrNull(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <param name="Outcome">A definite answer; null when the attempt failed and may be retried.</param>
    /// <param name="RefusalCode">Stripe's error code when the request was refused.</param>
    private readonly record struct Attempt(CardOutcome? Outcome, bool Retry, bool MayHaveCharged, string? RefusalCode, string Failure);
}
