using System.Net;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Tests.Support;
using Stripe;

namespace Restaurant.Api.Tests.Payments;

/// <summary>
/// How Stripe.net, over our own <see cref="HttpClient"/>, reports each failure on the wire against the fake Stripe, and
/// that the gateway reads every shape of "no answer" as such: a bare exception today, a <see cref="StripeException"/>
/// without a response in other versions. A shape read wrongly would turn an unknown charge into a decline.
/// </summary>
public sealed class StripeTransportTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dropped_connection_is_an_http_request_exception_read_as_no_answer(bool droppedAfterTheCharge)
    {
        _stripe.Enqueue(droppedAfterTheCharge ? FakeStripeFault.DropAfterCharge : FakeStripeFault.DropBeforeCharge);
        using var http = new HttpClient();

        var failure = await FailureOfAsync(http, CancellationToken.None);

        Assert.IsType<HttpRequestException>(failure);
        Assert.True(StripeOutcomes.IsNoAnswer(failure));
    }

    [Fact]
    public async Task An_attempt_timed_out_by_its_own_token_is_a_cancellation_read_as_no_answer()
    {
        _stripe.Enqueue(FakeStripeFault.HangBeforeCharge(TimeSpan.FromSeconds(5)));
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var attemptTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var failure = await FailureOfAsync(http, attemptTimeout.Token);

        Assert.IsAssignableFrom<OperationCanceledException>(failure);
        Assert.True(StripeOutcomes.IsNoAnswer(failure));
    }

    [Fact]
    public async Task An_http_client_timeout_is_a_task_cancellation_read_as_no_answer()
    {
        _stripe.Enqueue(FakeStripeFault.HangBeforeCharge(TimeSpan.FromSeconds(5)));
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

        var failure = await FailureOfAsync(http, CancellationToken.None);

        Assert.IsType<TaskCanceledException>(failure);
        Assert.IsType<TimeoutException>(failure.InnerException);
        Assert.True(StripeOutcomes.IsNoAnswer(failure));
    }

    [Fact]
    public void A_transport_failure_wrapped_in_a_stripe_exception_without_a_response_is_read_as_no_answer()
    {
        Assert.True(StripeOutcomes.IsNoAnswer(new StripeException("Stripe could not be reached.", new HttpRequestException("reset"))));
        Assert.True(StripeOutcomes.IsNoAnswer(new StripeException("Stripe did not answer in time.", new TaskCanceledException())));
        Assert.True(StripeOutcomes.IsNoAnswer(new InvalidOperationException("outer", new IOException("connection reset"))));
    }

    [Fact]
    public async Task An_answer_is_a_stripe_exception_with_its_response_and_is_never_read_as_no_answer()
    {
        _stripe.Enqueue(FakeStripeFault.ServerError);
        using var http = new HttpClient();

        var failure = Assert.IsType<StripeException>(await FailureOfAsync(http, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StripeResponse.StatusCode);
        Assert.Equal("api_error", failure.StripeError.Type);
        Assert.Equal(true, StripeOutcomes.ShouldRetryHeader(failure.StripeResponse));
        Assert.False(StripeOutcomes.IsNoAnswer(failure));
    }

    /// <summary>
    /// Why the gateway retries itself (<c>maxNetworkRetries: 0</c>): when the library retries, its caller sees only the
    /// last answer, so a refusal after an attempt that timed out (and may have charged) looks like a plain refusal.
    /// </summary>
    [Fact]
    public async Task The_librarys_own_retries_would_hide_an_unanswered_attempt_behind_a_refusal()
    {
        _stripe.Enqueue(FakeStripeFault.HangBeforeCharge(TimeSpan.FromSeconds(10)));
        _stripe.Enqueue(FakeStripeFault.RateLimited());
        // Long enough that the refusal itself never times out on a busy machine.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };

        var failure = Assert.IsType<StripeException>(await FailureOfAsync(http, CancellationToken.None, maxNetworkRetries: 1));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StripeResponse.StatusCode);
        Assert.Equal(2, _stripe.Requests);
    }

    private async Task<Exception> FailureOfAsync(HttpClient http, CancellationToken cancellationToken, int maxNetworkRetries = 0)
    {
        var client = new StripeClient(_stripe.SecretKey, httpClient: new SystemNetHttpClient(http, maxNetworkRetries, enableTelemetry: false),
            apiBase: _stripe.BaseUrl);
        var options = new PaymentIntentCreateOptions
        {
            Amount = 1500,
            Currency = "usd",
            PaymentMethod = "pm_card_visa",
            Confirm = true,
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
        };
        return await Assert.ThrowsAnyAsync<Exception>(() =>
            new PaymentIntentService(client).CreateAsync(options, new RequestOptions { IdempotencyKey = "transport-1" }, cancellationToken));
    }

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();
}
