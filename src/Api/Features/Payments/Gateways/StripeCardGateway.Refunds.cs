using Stripe;

namespace Restaurant.Api.Features.Payments.Gateways;

/// <summary>Refunds as Stripe Refunds of the tender's PaymentIntent, each attempt under the refund's own idempotency key.</summary>
public sealed partial class StripeCardGateway
{
    public async Task<RefundOutcome> RefundAsync(CardRefund refund, CancellationToken cancellationToken)
    {
        // As for charges: once an attempt may have refunded (no answer, 5xx, 409), a later refusal proves nothing.
        var mayHaveRefunded = refund.KnownRefundId is not null || refund.AskingAgain;
        for (var retry = 0; ; retry++)
        {
            var (outcome, retryable, mayHave, failure) = await RefundAttemptAsync(refund, cancellationToken);
            mayHaveRefunded |= mayHave;
            if (outcome is null && retryable && retry < _options.MaxRetries)
            {
                _logger.LogWarning("Stripe refund attempt {Attempt} for refund {RefundId} failed ({Failure}); retrying", retry + 1, refund.RefundId, failure);
                await Task.Delay(Backoff(retry), cancellationToken);
                continue;
            }
            outcome ??= mayHaveRefunded ? RefundOutcome.Unknown(refund.KnownRefundId) : new RefundOutcome(RefundOutcomeKind.Failed, null, failure);
            _logger.Log(outcome.Kind == RefundOutcomeKind.Unknown ? LogLevel.Warning : LogLevel.Information,
                "Stripe refund {RefundId}: {Outcome} {FailureReason} after {Attempts} attempt(s)", refund.RefundId, outcome.Kind,
                outcome.FailureReason, retry + 1);
            return outcome;
        }
    }

    private async Task<(RefundOutcome? Outcome, bool Retry, bool MayHaveRefunded, string Failure)> RefundAttemptAsync(
        CardRefund refund, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(_options.Timeout);
        try
        {
            var answer = refund.KnownRefundId is { } refundId
                ? await _refunds.GetAsync(refundId, cancellationToken: attemptTimeout.Token)
                : await _refunds.CreateAsync(new RefundCreateOptions
                {
                    PaymentIntent = refund.PaymentId,
                    Amount = refund.AmountMinor,
                    Reason = "requested_by_customer",
                    Metadata = new Dictionary<string, string> { ["order_id"] = refund.OrderId, ["refund_id"] = refund.RefundId },
                }, new RequestOptions { IdempotencyKey = refund.IdempotencyKey }, attemptTimeout.Token);
            return (FromRefund(answer, refund.KnownRefundId), false, true, "none");
        }
        catch (StripeException exception) when (exception.StripeResponse is not null)
        {
            var status = (int)exception.StripeResponse.StatusCode;
            var code = exception.StripeError?.Code ?? exception.StripeError?.Type ?? "refund_refused";
            if (status == StatusCodes.Status200OK || exception.StripeError?.Type == "idempotency_error")
            {
                _logger.LogError("Stripe's answer for refund {RefundId} could not be used (HTTP {Status}, {Code})", refund.RefundId, status, code);
                return (RefundOutcome.Unknown(refund.KnownRefundId), false, true, "HTTP " + status);
            }
            // A 4xx other than 409 (amount_too_large, charge_already_refunded…) was refused before anything ran.
            var mayHave = status is >= 500 or 409;
            var retry = StripeOutcomes.ShouldRetryHeader(exception.StripeResponse) ?? mayHave;
            return (null, retry, mayHave, code);
        }
        catch (Exception exception) when (StripeOutcomes.IsNoAnswer(exception))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return (null, true, true, attemptTimeout.IsCancellationRequested ? "timeout" : "no answer: " + StripeOutcomes.Describe(exception));
        }
    }

    private static RefundOutcome FromRefund(Refund refund, string? knownRefundId) => refund.Status switch
    {
        "succeeded" => new RefundOutcome(RefundOutcomeKind.Succeeded, refund.Id, null),
        "failed" or "canceled" => new RefundOutcome(RefundOutcomeKind.Failed, refund.Id, refund.FailureReason ?? refund.Status),
        // pending, requires_action: accepted, not settled; the reconciler reads it again by its id.
        _ => new RefundOutcome(refund.Id is null ? RefundOutcomeKind.Unknown : RefundOutcomeKind.Pending, refund.Id ?? knownRefundId, null),
    };
}
