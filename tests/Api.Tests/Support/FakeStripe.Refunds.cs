using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Restaurant.Api.Tests.Support;

public enum FakeRefundStatus
{
    Succeeded,
    Pending,
    Failed,
}

/// <summary>A Refund the fake executed, of a PaymentIntent it charged; <paramref name="Amount"/> in minor units.</summary>
public sealed record FakeRefund(string IdempotencyKey, string RefundId, string PaymentIntentId, long Amount, FakeRefundStatus Status,
    string? RefundMetadataId);

/// <summary>
/// The fake's Refunds (<c>POST /v1/refunds</c>, <c>GET /v1/refunds/{id}</c>) and the idempotency every POST shares.
/// A refund succeeds at once unless a fault says otherwise: <see cref="FakeStripeFaultKind.Processing"/> makes it
/// <c>pending</c> until <see cref="SettleRefund"/>, <see cref="FakeStripeFaultKind.RefundFails"/> makes it <c>failed</c>.
/// Like Stripe, it refuses more than the charge has left (<c>amount_too_large</c>, <c>charge_already_refunded</c>).
/// </summary>
public sealed partial class FakeStripe
{
    private readonly List<FakeRefund> _refunds = [];

    /// <summary>The refunds actually executed, in order: one per idempotency key, ever.</summary>
    public IReadOnlyList<FakeRefund> Refunds
    {
        get { lock (_gate) return [.. _refunds]; }
    }

    /// <summary>A pending refund settles: the money went back, or the card's bank refused it.</summary>
    public void SettleRefund(string refundId, bool succeeded)
    {
        lock (_gate)
        {
            var index = _refunds.FindIndex(r => r.RefundId == refundId && r.Status == FakeRefundStatus.Pending);
            if (index < 0) throw new InvalidOperationException($"No pending refund {refundId}");
            _refunds[index] = _refunds[index] with { Status = succeeded ? FakeRefundStatus.Succeeded : FakeRefundStatus.Failed };
        }
    }

    private async Task CreateRefundAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _inFlight);
        try
        {
            var fields = http.Request.HasFormContentType ? Fields(await http.Request.ReadFormAsync()) : [];
            Record(http, fields);
            if (RefuseHeaders(http, idempotent: true) is { } refusal)
            {
                await WriteAsync(http, refusal);
                return;
            }

            var fault = TakeFault(null);
            if (fault is not null && await FailBeforeChargeAsync(http, fault)) return;
            await RespondIdempotentlyAsync(http, fields, fault, (key, form) => ExecuteRefund(key, form, fault?.Kind switch
            {
                FakeStripeFaultKind.Processing => FakeRefundStatus.Pending,
                FakeStripeFaultKind.RefundFails => FakeRefundStatus.Failed,
                _ => FakeRefundStatus.Succeeded,
            }));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task GetRefundAsync(HttpContext http)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            Record(http, Fields(http.Request.Query));
            await PauseAsync(Latency, http.RequestAborted);
            var id = (string)http.Request.RouteValues["id"]!;
            StoredResponse response;
            lock (_gate)
            {
                var refund = _refunds.Find(r => r.RefundId == id);
                response = RefuseHeaders(http, idempotent: false)
                    ?? (refund is null
                        ? Error(404, "invalid_request_error", "resource_missing", $"No such refund: '{id}'")
                        : new StoredResponse(200, RefundJson(refund).ToJsonString()));
            }
            await WriteAsync(http, response);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private StoredResponse ExecuteRefund(string key, Dictionary<string, string> fields, FakeRefundStatus status)
    {
        var paymentIntentId = fields.GetValueOrDefault("payment_intent") ?? "";
        lock (_gate)
        {
            var charge = _charges.Find(c => c.PaymentIntentId == paymentIntentId);
            if (charge is not { Status: FakeChargeStatus.Succeeded })
                return Error(400, "invalid_request_error", "resource_missing", $"No such succeeded payment_intent: '{paymentIntentId}'");
            var left = charge.Amount - _refunds.Where(r => r.PaymentIntentId == paymentIntentId && r.Status != FakeRefundStatus.Failed).Sum(r => r.Amount);
            var amount = fields.TryGetValue("amount", out var text) && long.TryParse(text, out var asked) ? asked : left;
            if (left == 0) return Error(400, "invalid_request_error", "charge_already_refunded", "This charge has already been refunded.");
            if (amount <= 0 || amount > left)
                return Error(400, "invalid_request_error", "amount_too_large", $"Refund amount ({amount}) is greater than unrefunded amount on charge ({left}).");
            var refund = new FakeRefund(key, "re_" + Guid.NewGuid().ToString("N")[..24], paymentIntentId, amount, status,
                fields.GetValueOrDefault("metadata[refund_id]"));
            _refunds.Add(refund);
            return new StoredResponse(200, RefundJson(refund).ToJsonString());
        }
    }

    private static JsonObject RefundJson(FakeRefund refund) => new()
    {
        ["id"] = refund.RefundId,
        ["object"] = "refund",
        ["amount"] = refund.Amount,
        ["currency"] = "usd",
        ["payment_intent"] = refund.PaymentIntentId,
        ["status"] = refund.Status.ToString().ToLowerInvariant(),
        ["failure_reason"] = refund.Status == FakeRefundStatus.Failed ? "expired_or_canceled_card" : null,
        ["metadata"] = new JsonObject { ["refund_id"] = refund.RefundMetadataId },
    };

    /// <summary>
    /// Stripe's idempotency for a POST that passed its faults: the first response is stored under the key and replayed
    /// (other parameters: 400; still running: 409), and <paramref name="execute"/> runs once per key.
    /// </summary>
    private async Task RespondIdempotentlyAsync(HttpContext http, Dictionary<string, string> fields, FakeStripeFault? fault,
        Func<string, Dictionary<string, string>, StoredResponse> execute)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var parameters = string.Join('&', fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        StoredResponse? earlier;
        lock (_gate)
        {
            if (_keys.TryGetValue(key, out var record))
                earlier = record.Parameters != parameters
                    ? Error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the same parameters they were first used with.")
                    : record.Response ?? Error(409, "invalid_request_error", "idempotency_key_in_use", "There is currently another in-progress request using this Idempotent Key.");
            else
            {
                earlier = null;
                _keys[key] = new KeyRecord(parameters);
            }
        }

        if (earlier is not null)
        {
            await WriteAsync(http, earlier);
            return;
        }

        await PauseAsync(Latency, _stopping.Token);
        var response = execute(key, fields);
        if (fault?.Kind == FakeStripeFaultKind.HangAfterCharge) await PauseAsync(fault.Delay, _stopping.Token);
        lock (_gate)
        {
            // Like Stripe, requests refused by validation are not stored: the key may be used again.
            if (response.Status == 400) _keys.Remove(key);
            else _keys[key].Response = response with { Replayed = true };
        }

        if (fault?.Kind == FakeStripeFaultKind.DropAfterCharge) http.Abort();
        else await WriteAsync(http, response);
    }
}
