using Stripe;

namespace Restaurant.Api.Features.Payments.Gateways;

/// <summary>
/// Charges a tender as one confirmed Stripe PaymentIntent (and refunds it: StripeCardGateway.Refunds.cs) through Stripe.net, over our own <see cref="HttpClient"/>
/// (from <c>IHttpClientFactory</c>, so its handler is pooled and recycled). Every attempt of one charge carries the
/// tender's idempotency key, so a retry after a timeout learns the first outcome instead of charging again.
/// </summary>
/// <remarks>
/// The retries are ours, not the library's (<c>maxNetworkRetries: 0</c>): a refusal that follows an unanswered
/// attempt must not settle a tender, and only a loop that sees every attempt can tell that one went unanswered.
/// </remarks>
public sealed partial class StripeCardGateway : ICardGateway
{
    private readonly PaymentIntentService _intents;
    private readonly RefundService _refunds;
    private readonly StripeOptions _options;
    private readonly ILogger<StripeCardGateway> _logger;

    public StripeCardGateway(HttpClient http, StripeOptions options, ILogger<StripeCardGateway> logger)
    {
        _options = options;
        _logger = logger;
        // Telemetry off: it would write an id file under the home directory and report our request timings to Stripe.
        var transport = new SystemNetHttpClient(http, maxNetworkRetries: 0, enableTelemetry: false);
        var client = new StripeClient(options.SecretKey, httpClient: transport, apiBase: options.BaseUrl.TrimEnd('/'));
        _intents = new PaymentIntentService(client);
        _refunds = new RefundService(client);
    }

    /// <summary>
    /// The Stripe-Version every request carries: the one Stripe.net was generated for, so that a change of the
    /// account's default API version cannot change the shapes it parses.
    /// </summary>
    public static string ApiVersion => StripeConfiguration.ApiVersion;

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
            if (outcome is null && attempt.Retry && retry < _options.MaxRetries)
            {
                _logger.LogWarning("Stripe attempt {Attempt} for tender {TenderId} failed ({Failure}); retrying",
                    retry + 1, charge.TenderId, attempt.Failure);
                await Task.Delay(Backoff(retry), cancellationToken);
                continue;
            }

            outcome ??= mayHaveCharged
                ? CardOutcome.Unknown(StripeOutcomes.UnknownMessage, charge.KnownPaymentId)
                : CardOutcome.Declined(attempt.RefusalCode ?? "gateway_refused", StripeOutcomes.RefusedMessage);
            _logger.Log(outcome.Kind == CardOutcomeKind.Unknown ? LogLevel.Warning : LogLevel.Information,
                "Stripe charge for tender {TenderId}: {Outcome} {DeclineCode} after {Attempts} attempt(s), last {Failure}",
                charge.TenderId, outcome.Kind, outcome.DeclineCode, retry + 1, attempt.Failure);
            return outcome;
        }
    }

    private async Task<Attempt> AttemptAsync(CardCharge charge, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(_options.Timeout);
        try
        {
            var intent = charge.KnownPaymentId is { } paymentId
                // An earlier answer said "processing": ask for the intent's current status rather than confirming again.
                ? await _intents.GetAsync(paymentId, new PaymentIntentGetOptions { Expand = [StripeOutcomes.LatestCharge] },
                    cancellationToken: attemptTimeout.Token)
                : await _intents.CreateAsync(CreateOptions(charge), new RequestOptions { IdempotencyKey = charge.IdempotencyKey },
                    attemptTimeout.Token);
            return Attempt.Answered(StripeOutcomes.FromIntent(intent));
        }
        catch (StripeException exception) when (exception.StripeResponse is not null)
        {
            return Refused(charge, exception);
        }
        catch (Exception exception) when (StripeOutcomes.IsNoAnswer(exception))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new Attempt(null, Retry: true, MayHaveCharged: true, RefusalCode: null,
                Failure: attemptTimeout.IsCancellationRequested ? "timeout" : "no answer: " + StripeOutcomes.Describe(exception));
        }
    }

    private static PaymentIntentCreateOptions CreateOptions(CardCharge charge) => new()
    {
        Amount = charge.AmountMinor,
        Currency = charge.Currency.ToLowerInvariant(),
        PaymentMethod = charge.CardToken,
        Confirm = true,
        // No redirect-based methods, so that confirming never asks for a return_url. (The pinned API version refuses
        // payment_method_types, which did this before; the token is a card's anyway.)
        AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
        Metadata = new Dictionary<string, string> { ["order_id"] = charge.OrderId, ["tender_id"] = charge.TenderId },
        // The charge's card brand and last 4, for the receipt.
        Expand = [StripeOutcomes.LatestCharge],
    };

    /// <summary>Stripe answered with something other than an intent: a decline, a refusal, or its own failure.</summary>
    private Attempt Refused(CardCharge charge, StripeException exception)
    {
        var status = (int)exception.StripeResponse.StatusCode;
        var failure = "HTTP " + status;
        var error = exception.StripeError;
        if (status == StatusCodes.Status402PaymentRequired)
            return Attempt.Answered(StripeOutcomes.FromDecline(error), failure);
        if (status == StatusCodes.Status200OK)
        {
            // An answer the library could not read: the charge may have been made, and asking again replays the same.
            _logger.LogError("Stripe's answer for tender {TenderId} could not be read", charge.TenderId);
            return Attempt.Answered(CardOutcome.Unknown(StripeOutcomes.UnknownMessage, charge.KnownPaymentId), failure);
        }
        if (error?.Type == "idempotency_error")
        {
            // Keys are derived from tenders, so the same key never carries other parameters: this is a bug to look at.
            _logger.LogError("Stripe refused the idempotency key of tender {TenderId} as reused with other parameters", charge.TenderId);
            return Attempt.Answered(CardOutcome.Unknown(StripeOutcomes.UnknownMessage, charge.KnownPaymentId), failure);
        }

        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
            _logger.LogError("Stripe refused the secret key (HTTP {StatusCode}) for tender {TenderId}", status, charge.TenderId);

        // A 4xx other than 409 was refused before anything ran; a 409 means the key's first request is still running.
        var mayHaveCharged = status is < 400 or >= 500 or 409;
        var retry = StripeOutcomes.ShouldRetryHeader(exception.StripeResponse) ?? status is 409 or >= 500;
        return new Attempt(null, retry, mayHaveCharged, error?.Code, failure);
    }

    // Stripe's SDKs: exponential from the base delay, capped, with jitter so that parallel retries spread out.
    private TimeSpan Backoff(int retry) =>
        Math.Min(Math.Pow(2, retry), 4) * _options.RetryBaseDelay * (0.5 + Random.Shared.NextDouble() / 2);

    /// <param name="Outcome">A definite answer; null when the attempt failed and may be retried.</param>
    /// <param name="RefusalCode">Stripe's error code when the request was refused.</param>
    private readonly record struct Attempt(CardOutcome? Outcome, bool Retry, bool MayHaveCharged, string? RefusalCode, string Failure)
    {
        public static Attempt Answered(CardOutcome outcome, string failure = "none") => new(outcome, false, true, null, failure);
    }
}
