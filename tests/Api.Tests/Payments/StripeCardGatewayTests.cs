using Microsoft.Extensions.Logging.Abstractions;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Payments;

/// <summary>The Stripe gateway over real HTTP against <see cref="FakeStripe"/>: shapes, retries and the no-double-charge rules.</summary>
public sealed class StripeCardGatewayTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _stripe.DisposeAsync();
    }

    [Fact]
    public async Task A_good_card_is_charged_once_with_the_pinned_version_the_key_and_the_tender_metadata()
    {
        var outcome = await Gateway().ChargeAsync(Charge("pm_card_visa", amountMinor: 2150), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Succeeded, outcome.Kind);
        var charge = Assert.Single(_stripe.Charges);
        Assert.Equal(new FakeCharge("attempt-1:0", outcome.PaymentId!, 2150, "usd", "pm_card_visa", FakeChargeStatus.Succeeded, "order-1", "tender-0"), charge);
        var request = Assert.Single(_stripe.Received);
        Assert.Equal("Bearer " + _stripe.SecretKey, request.Headers["Authorization"]);
        Assert.Equal(StripeCardGateway.ApiVersion, request.Headers["Stripe-Version"]);
        Assert.Equal("attempt-1:0", request.Headers["Idempotency-Key"]);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal("true", request.Form["confirm"]);
        Assert.Equal("never", request.Form["automatic_payment_methods[allow_redirects]"]);
    }

    [Theory]
    [InlineData("pm_card_visa", "visa", "4242")]
    [InlineData("pm_card_mastercard", "mastercard", "4444")]
    [InlineData("pm_card_amex", "amex", "0005")]
    public async Task A_charged_card_reports_its_brand_and_last_4_from_the_expanded_charge(string token, string brand, string last4)
    {
        var outcome = await Gateway().ChargeAsync(Charge(token), CancellationToken.None);

        Assert.Equal(CardOutcome.Succeeded(Assert.Single(_stripe.Charges).PaymentIntentId, brand, last4), outcome);
        Assert.Equal("latest_charge", Assert.Single(_stripe.Received).Form["expand[]"]);
    }

    [Theory]
    [InlineData("pm_card_visa_chargeDeclined", "generic_decline", "Your card was declined.")]
    [InlineData("pm_card_chargeDeclined", "generic_decline", "Your card was declined.")]
    [InlineData("pm_card_visa_chargeDeclinedInsufficientFunds", "insufficient_funds", "Your card has insufficient funds.")]
    [InlineData("pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds", "Your card has insufficient funds.")]
    [InlineData("pm_card_visa_chargeDeclinedLostCard", "lost_card", "Your card was declined.")]
    [InlineData("pm_card_visa_chargeDeclinedStolenCard", "stolen_card", "Your card was declined.")]
    // No decline_code for these: the error code stands in.
    [InlineData("pm_card_chargeDeclinedExpiredCard", "expired_card", "Your card has expired.")]
    [InlineData("pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", "Your card's security code is incorrect.")]
    [InlineData("pm_card_chargeDeclinedProcessingError", "processing_error", "An error occurred while processing your card. Try again in a little bit.")]
    public async Task A_declined_card_reports_stripes_code_message_and_payment_intent(string token, string declineCode, string message)
    {
        var outcome = await Gateway().ChargeAsync(Charge(token), CancellationToken.None);

        var charge = Assert.Single(_stripe.Charges);
        Assert.Equal(CardOutcome.Declined(declineCode, message, charge.PaymentIntentId), outcome);
        Assert.Equal(FakeChargeStatus.Declined, charge.Status);
        Assert.Equal(1, _stripe.Requests);
    }

    [Fact]
    public async Task A_card_that_needs_3d_secure_is_declined_with_a_message_the_customer_can_act_on()
    {
        var outcome = await Gateway().ChargeAsync(Charge("pm_card_authenticationRequired"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Declined, outcome.Kind);
        Assert.Equal("authentication_required", outcome.DeclineCode);
        Assert.Contains("3-D Secure", outcome.Message);
        Assert.Equal(Assert.Single(_stripe.Charges).PaymentIntentId, outcome.PaymentId);
    }

    [Fact]
    public async Task An_unknown_token_is_refused_without_a_charge_or_a_retry()
    {
        var outcome = await Gateway().ChargeAsync(Charge("pm_card_nonsense"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Declined, outcome.Kind);
        Assert.Equal("resource_missing", outcome.DeclineCode);
        Assert.Null(outcome.PaymentId);
        Assert.Empty(_stripe.Charges);
        Assert.Equal(1, _stripe.Requests);
    }

    [Fact]
    public async Task A_bad_secret_key_is_refused_without_a_charge()
    {
        var outcome = await Gateway(secretKey: "sk_test_wrong").ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Declined, outcome.Kind);
        Assert.Equal("gateway_refused", outcome.DeclineCode);
        Assert.Empty(_stripe.Charges);
        Assert.Equal(1, _stripe.Requests);
    }

    [Fact]
    public async Task A_rate_limit_without_a_retry_header_is_a_refusal_without_a_charge()
    {
        _stripe.Enqueue(FakeStripeFault.RateLimited());

        var outcome = await Gateway().ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Declined, outcome.Kind);
        Assert.Equal("rate_limit", outcome.DeclineCode);
        Assert.Empty(_stripe.Charges);
        Assert.Equal(1, _stripe.Requests);
    }

    [Fact]
    public async Task A_rate_limit_that_says_retry_is_retried()
    {
        _stripe.Enqueue(FakeStripeFault.RateLimited(shouldRetry: true));

        var outcome = await Gateway().ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Succeeded, outcome.Kind);
        Assert.Single(_stripe.Charges);
        Assert.Equal(2, _stripe.Requests);
    }

    [Fact]
    public async Task A_server_error_is_retried_with_the_same_key_and_charges_once()
    {
        _stripe.Enqueue(FakeStripeFault.ServerError);

        var outcome = await Gateway().ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(outcome.PaymentId, Assert.Single(_stripe.Charges).PaymentIntentId);
        Assert.All(_stripe.Received, request => Assert.Equal("attempt-1:0", request.Headers["Idempotency-Key"]));
        Assert.Equal(2, _stripe.Requests);
    }

    [Fact]
    public async Task Server_errors_on_every_attempt_leave_the_outcome_unknown()
    {
        for (var i = 0; i < 3; i++) _stripe.Enqueue(FakeStripeFault.ServerError);

        var outcome = await Gateway().ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Unknown, outcome.Kind);
        Assert.Equal(3, _stripe.Requests);
    }

    [Fact]
    public async Task A_charge_answered_too_late_is_unknown_and_asking_again_with_its_key_learns_it_succeeded()
    {
        _stripe.Enqueue(FakeStripeFault.HangAfterCharge(TimeSpan.FromSeconds(3)));
        var gateway = Gateway();

        // The retries meet the key still in use (409), so this call cannot tell.
        var first = await gateway.ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);
        Assert.Equal(CardOutcomeKind.Unknown, first.Kind);
        Assert.Equal(3, _stripe.Requests);

        await _stripe.WhenIdleAsync();
        var again = await gateway.ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Succeeded, again.Kind);
        Assert.Equal(again.PaymentId, Assert.Single(_stripe.Charges).PaymentIntentId);
    }

    /// <summary>Before: the retry makes the charge. After: the retry learns the stored answer. Either way, one charge.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dropped_connection_is_retried_with_the_same_key_and_charges_once(bool droppedAfterTheCharge)
    {
        _stripe.Enqueue(droppedAfterTheCharge ? FakeStripeFault.DropAfterCharge : FakeStripeFault.DropBeforeCharge);

        var outcome = await Gateway().ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(outcome.PaymentId, Assert.Single(_stripe.Charges).PaymentIntentId);
        Assert.Equal(2, _stripe.Requests);
    }

    [Fact]
    public async Task A_connection_dropped_after_the_charge_without_retries_is_unknown_until_asked_again()
    {
        _stripe.Enqueue(FakeStripeFault.DropAfterCharge);
        var gateway = Gateway(maxRetries: 0);

        var first = await gateway.ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);
        var again = await gateway.ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Unknown, first.Kind);
        Assert.Equal(CardOutcomeKind.Succeeded, again.Kind);
        Assert.Equal(again.PaymentId, Assert.Single(_stripe.Charges).PaymentIntentId);
    }

    [Fact]
    public async Task A_refusal_after_a_timeout_is_unknown_because_the_timed_out_attempt_may_have_charged()
    {
        _stripe.Enqueue(FakeStripeFault.HangBeforeCharge(TimeSpan.FromSeconds(10)));
        _stripe.Enqueue(FakeStripeFault.RateLimited());

        var outcome = await Gateway().ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Unknown, outcome.Kind);
        Assert.Equal(2, _stripe.Requests);
    }

    [Fact]
    public async Task The_same_key_twice_charges_once_and_answers_the_same_payment()
    {
        var gateway = Gateway();

        var first = await gateway.ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);
        var second = await gateway.ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Succeeded, second.Kind);
        Assert.Equal(first, second);
        Assert.Single(_stripe.Charges);
        Assert.Equal(2, _stripe.Requests);
    }

    [Fact]
    public async Task The_same_key_with_another_amount_is_unknown_and_charges_nothing_more()
    {
        var gateway = Gateway();
        await gateway.ChargeAsync(Charge("pm_card_visa", amountMinor: 1500), CancellationToken.None);

        var outcome = await gateway.ChargeAsync(Charge("pm_card_visa", amountMinor: 1600), CancellationToken.None);

        Assert.Equal(CardOutcomeKind.Unknown, outcome.Kind);
        Assert.Equal(1500, Assert.Single(_stripe.Charges).Amount);
    }

    [Fact]
    public async Task A_processing_charge_is_unknown_with_its_payment_id_and_a_status_query_learns_the_result()
    {
        _stripe.Enqueue(FakeStripeFault.Processing);
        var gateway = Gateway();
        var first = await gateway.ChargeAsync(Charge("pm_card_visa"), CancellationToken.None);
        Assert.Equal(CardOutcomeKind.Unknown, first.Kind);
        Assert.NotNull(first.PaymentId);

        _stripe.FinishProcessing(first.PaymentId);
        var settled = await gateway.ChargeAsync(Charge("pm_card_visa") with { KnownPaymentId = first.PaymentId }, CancellationToken.None);

        Assert.Equal(CardOutcome.Succeeded(first.PaymentId, "visa", "4242"), settled);
        var query = _stripe.Received[^1];
        Assert.Equal(("GET", "/v1/payment_intents/" + first.PaymentId), (query.Method, query.Path));
        Assert.Equal(1, _stripe.Requests);
    }

    [Fact]
    public async Task A_status_query_of_a_declined_intent_reads_its_last_payment_error()
    {
        var gateway = Gateway();
        await gateway.ChargeAsync(Charge("pm_card_chargeDeclinedExpiredCard"), CancellationToken.None);
        var intent = Assert.Single(_stripe.Charges);
        Assert.Equal(FakeChargeStatus.Declined, intent.Status);

        var queried = await gateway.ChargeAsync(Charge("pm_card_chargeDeclinedExpiredCard") with { KnownPaymentId = intent.PaymentIntentId }, CancellationToken.None);

        Assert.Equal(CardOutcome.Declined("expired_card", "Your card has expired.", intent.PaymentIntentId), queried);
        Assert.Equal(("GET", "/v1/payment_intents/" + intent.PaymentIntentId), (_stripe.Received[^1].Method, _stripe.Received[^1].Path));
    }

    [Fact]
    public async Task A_cancelled_caller_gets_a_cancellation_not_an_outcome()
    {
        _stripe.Enqueue(FakeStripeFault.HangBeforeCharge(TimeSpan.FromSeconds(10)));
        using var cancellation = new CancellationTokenSource();
        var charging = Gateway().ChargeAsync(Charge("pm_card_visa"), cancellation.Token);
        // Cancelled while Stripe holds the request: a fixed delay could run out before a cold library has sent it.
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            while (_stripe.Requests == 0) await Task.Delay(10, deadline.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => charging);
        Assert.Equal(1, _stripe.Requests);
    }

    private StripeCardGateway Gateway(int maxRetries = 2, string? secretKey = null) => new(_http,
        new StripeOptions
        {
            SecretKey = secretKey ?? _stripe.SecretKey,
            BaseUrl = _stripe.BaseUrl,
            Timeout = TimeSpan.FromSeconds(1),
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        },
        NullLogger<StripeCardGateway>.Instance);

    private static CardCharge Charge(string token, long amountMinor = 1500) =>
        new("attempt-1:0", amountMinor, "USD", token, "order-1", "tender-0");
}
