using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// A fake Stripe on a loopback port (real HTTP) that speaks the PaymentIntents shapes of Stripe's API: 200/402 per test
/// token, Stripe's idempotency (first response stored per key and replayed; other parameters: 400; still running:
/// 409), a ledger of the charges it executed, and scripted faults for the next requests.
/// Stricter than Stripe where that checks the gateway: <c>Stripe-Version</c>, <c>Idempotency-Key</c> (POST),
/// <c>confirm=true</c>, a lowercase currency and no redirect-based payment methods are required (400 otherwise).
/// Speaks the API version Stripe.net pins: <c>payment_method_types</c> is no longer accepted on create, lists may
/// be sent indexed (<c>expand[0]=…</c>) as Stripe.net does, and <c>expand[]=latest_charge</c> expands the charge.
/// Refunds are in FakeStripe.Refunds.cs.
/// </summary>
public sealed partial class FakeStripe : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FakeCharge> _charges = [];
    private readonly Dictionary<string, KeyRecord> _keys = [];
    private readonly List<(FakeStripeFault Fault, string? PaymentMethod)> _faults = [];
    private readonly List<FakeStripeRequest> _received = [];
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication _app = null!;
    private int _requests;
    private int _inFlight;
    private long _latencyTicks;
    private TaskCompletionSource? _hold;
    private readonly HashSet<string> _held = [];
    private int _holdCount;

    private FakeStripe()
    {
    }

    public string BaseUrl { get; private set; } = "";

    public string SecretKey { get; } = "sk_test_fake_stripe";

    /// <summary>Added to every request; on a POST it is spent while the key is held, as Stripe's own work would be.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>The PaymentIntents actually executed, in order: one per idempotency key, ever.</summary>
    public IReadOnlyList<FakeCharge> Charges
    {
        get { lock (_gate) return [.. _charges]; }
    }

    /// <summary>Every request received (POST and GET), including refused, faulted and replayed ones.</summary>
    public IReadOnlyList<FakeStripeRequest> Received
    {
        get { lock (_gate) return [.. _received]; }
    }

    /// <summary>POSTs received, whatever became of them.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public int QueuedFaults
    {
        get { lock (_gate) return _faults.Count; }
    }

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeStripe { _app = builder.Build() };
        fake._app.MapPost("/v1/payment_intents", fake.CreateIntentAsync);
        fake._app.MapGet("/v1/payment_intents/{id}", fake.GetIntentAsync);
        fake._app.MapPost("/v1/refunds", fake.CreateRefundAsync);
        fake._app.MapGet("/v1/refunds/{id}", fake.GetRefundAsync);
        await fake._app.StartAsync();
        fake.BaseUrl = fake._app.Urls.Single();
        return fake;
    }

    /// <summary>
    /// PaymentIntents of the next <paramref name="count"/> idempotency keys are answered only once all of them have
    /// arrived: a gateway that sent them one after another would wait on the first until its timeout.
    /// </summary>
    public void HoldCharges(int count)
    {
        lock (_gate)
        {
            _held.Clear();
            _holdCount = count;
            _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>The next POST (for <paramref name="paymentMethod"/> only, when given) meets this fault; FIFO.</summary>
    public void Enqueue(FakeStripeFault fault, string? paymentMethod = null)
    {
        lock (_gate) _faults.Add((fault, paymentMethod));
    }

    /// <summary>A <see cref="FakeStripeFault.Processing"/> intent settles as its card would have (visa: succeeded).</summary>
    public void FinishProcessing(string paymentIntentId)
    {
        lock (_gate)
        {
            var index = _charges.FindIndex(c => c.PaymentIntentId == paymentIntentId && c.Status == FakeChargeStatus.Processing);
            if (index < 0) throw new InvalidOperationException($"No processing intent {paymentIntentId}");
            _charges[index] = _charges[index] with { Status = Cards[_charges[index].PaymentMethod].Status };
        }
    }

    /// <summary>Waits until no request is being handled: a hung request has finished and stored its response.</summary>
    public async Task WhenIdleAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Volatile.Read(ref _inFlight) > 0) await Task.Delay(10, deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task CreateIntentAsync(HttpContext http)
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

            try
            {
                await HeldAsync(http.Request.Headers["Idempotency-Key"].ToString()).WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the caller gave up waiting
            }

            var fault = TakeFault(fields.GetValueOrDefault("payment_method"));
            if (fault is not null && await FailBeforeChargeAsync(http, fault)) return;

            await RespondIdempotentlyAsync(http, fields, fault,
                (key, form) => Execute(key, form, startsProcessing: fault?.Kind == FakeStripeFaultKind.Processing));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task GetIntentAsync(HttpContext http)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            var query = Fields(http.Request.Query);
            Record(http, query);
            await PauseAsync(Latency, http.RequestAborted);
            var id = (string)http.Request.RouteValues["id"]!;
            StoredResponse response;
            lock (_gate)
            {
                var charge = _charges.Find(c => c.PaymentIntentId == id);
                response = RefuseHeaders(http, idempotent: false)
                    ?? (charge is null
                        ? Error(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'")
                        : new StoredResponse(200, IntentJson(charge, ExpandsCharge(query)).ToJsonString()));
            }

            await WriteAsync(http, response);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private Task HeldAsync(string key)
    {
        lock (_gate)
        {
            if (_hold is not { } hold) return Task.CompletedTask;
            _held.Add(key);
            if (_held.Count < _holdCount) return hold.Task;
            _hold = null;
            hold.SetResult();
            return Task.CompletedTask;
        }
    }

    /// <returns>Whether the fault answered the request (nothing was executed).</returns>
    private async Task<bool> FailBeforeChargeAsync(HttpContext http, FakeStripeFault fault)
    {
        switch (fault.Kind)
        {
            case FakeStripeFaultKind.RateLimited:
                await WriteAsync(http, Error(429, "invalid_request_error", "rate_limit", "Too many requests hit the API too quickly.") with { ShouldRetry = fault.ShouldRetry });
                return true;
            case FakeStripeFaultKind.ServerError:
                await WriteAsync(http, Error(500, "api_error", null, "An unknown error occurred.") with { ShouldRetry = true });
                return true;
            case FakeStripeFaultKind.HangBeforeCharge:
                await PauseAsync(fault.Delay, http.RequestAborted);
                if (!http.RequestAborted.IsCancellationRequested)
                    await WriteAsync(http, Error(500, "api_error", null, "An unknown error occurred.") with { ShouldRetry = true });
                return true;
            case FakeStripeFaultKind.DropBeforeCharge:
                http.Abort();
                return true;
            default:
                return false;
        }
    }

    private StoredResponse Execute(string key, Dictionary<string, string> fields, bool startsProcessing)
    {
        if (!long.TryParse(fields.GetValueOrDefault("amount"), out var amount) || amount <= 0)
            return Error(400, "invalid_request_error", "parameter_invalid_integer", "amount must be a positive integer.");
        var currency = fields.GetValueOrDefault("currency") ?? "";
        if (currency.Length != 3 || currency != currency.ToLowerInvariant())
            return Error(400, "invalid_request_error", "parameter_invalid_string", "currency must be a lowercase ISO code.");
        if (fields.ContainsKey("payment_method_types[]"))
            return Error(400, "invalid_request_error", "payment_method_types_no_longer_supported", "payment_method_types can no longer be set on this API version.");
        var noRedirects = fields.GetValueOrDefault("allowed_payment_method_types[]") == "card"
            || (fields.GetValueOrDefault("automatic_payment_methods[enabled]") == "true" && fields.GetValueOrDefault("automatic_payment_methods[allow_redirects]") == "never");
        if (fields.GetValueOrDefault("confirm") != "true" || !noRedirects)
            return Error(400, "invalid_request_error", "parameter_missing", "This fake wants confirm=true and no redirect-based payment methods (or a return_url would be needed).");
        var paymentMethod = fields.GetValueOrDefault("payment_method") ?? "";
        if (!Cards.TryGetValue(paymentMethod, out var card))
            return Error(400, "invalid_request_error", "resource_missing", $"No such PaymentMethod: '{paymentMethod}'");

        var charge = new FakeCharge(key, "pi_" + Guid.NewGuid().ToString("N")[..24], amount, currency, paymentMethod,
            startsProcessing ? FakeChargeStatus.Processing : card.Status,
            fields.GetValueOrDefault("metadata[order_id]"), fields.GetValueOrDefault("metadata[tender_id]"));
        lock (_gate) _charges.Add(charge);
        var expand = ExpandsCharge(fields);
        if (charge.Status != FakeChargeStatus.Declined) return new StoredResponse(200, IntentJson(charge, expand).ToJsonString());

        var error = CardErrorJson(card);
        error["payment_intent"] = IntentJson(charge, expand);
        return new StoredResponse(402, new JsonObject { ["error"] = error }.ToJsonString());
    }

    private StoredResponse? RefuseHeaders(HttpContext http, bool idempotent)
    {
        if (http.Request.Headers.Authorization.ToString() != "Bearer " + SecretKey)
            return Error(401, "invalid_request_error", null, "Invalid API Key provided.");
        if (string.IsNullOrEmpty(http.Request.Headers["Stripe-Version"]))
            return Error(400, "invalid_request_error", "parameter_missing", "This fake requires a pinned Stripe-Version header.");
        if (idempotent && string.IsNullOrEmpty(http.Request.Headers["Idempotency-Key"]))
            return Error(400, "invalid_request_error", "parameter_missing", "This fake requires an Idempotency-Key header.");
        return null;
    }

    private FakeStripeFault? TakeFault(string? paymentMethod)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.PaymentMethod is null || f.PaymentMethod == paymentMethod);
            if (index < 0) return null;
            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private void Record(HttpContext http, IReadOnlyDictionary<string, string> form)
    {
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_gate) _received.Add(new FakeStripeRequest(http.Request.Method, http.Request.Path, headers, form));
    }

    private static async Task WriteAsync(HttpContext http, StoredResponse response)
    {
        if (http.RequestAborted.IsCancellationRequested) return;
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = "application/json";
        if (response.ShouldRetry is { } shouldRetry) http.Response.Headers["Stripe-Should-Retry"] = shouldRetry ? "true" : "false";
        if (response.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.WriteAsync(response.Body);
    }

    private static Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    private sealed class KeyRecord(string parameters)
    {
        public string Parameters { get; } = parameters;

        /// <summary>Null while the key's first request is still running.</summary>
        public StoredResponse? Response { get; set; }
    }
}
