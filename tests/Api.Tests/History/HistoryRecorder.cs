using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;
using Restaurant.Api.Tests.Support.Contract;

namespace Restaurant.Api.Tests.History;

/// <summary>What a request was for; the checker judges each kind by its own rules.</summary>
public enum Operation
{
    /// <summary>Staff create the table (PUT /tables/{id}) and learn its code.</summary>
    SetUpTable,
    /// <summary>A diner's phone opens the table's order or joins it, with the table's code.</summary>
    OpenOrder,
    /// <summary>A diner's addition while the table is ordering: the order is open, so it must succeed.</summary>
    Add,
    Remove,
    /// <summary>An addition racing the bill: it may land before it (and be billed) or after it (order_billed).</summary>
    LateAdd,
    Submit,
    /// <summary>The waiter adds a dessert held back from submit (staff only).</summary>
    HoldAdd,
    /// <summary>The waiter sends the held lines.</summary>
    Fire,
    /// <summary>A manager voids one unit of a sent line.</summary>
    Void,
    Bill,
    /// <summary>A payment of a diner's share, of the whole balance, or of what is left.</summary>
    Pay,
    /// <summary>The whole bill, paid by a phone that still shows it after an answer showed that a part was paid.</summary>
    StalePay,
    /// <summary>The order read while it is being paid, to see what is left.</summary>
    ReadBalance,
    /// <summary>The same request, Idempotency-Key included, sent again to another node.</summary>
    Retry,
    ReadOrder,
    ReadKitchen,
    /// <summary>A kitchen screen paging with ?after= (and maybe ?station=) while the workload runs.</summary>
    PollKitchen,
}

/// <summary>
/// One request and its answer as the client saw them. <see cref="Status"/> is null when the outcome is unknown (the
/// connection failed or timed out): such a request may or may not have been applied, like one answered 503 with the
/// outcome <c>unknown</c> (<see cref="OutcomeUnknown"/>).
/// </summary>
public sealed record Exchange(
    long Sequence,
    Operation Operation,
    string Table,
    int Node,
    string Method,
    string Path,
    string? Token,
    string? IdempotencyKey,
    string? RequestBody,
    int? Status,
    string? ContentType,
    byte[] ResponseBody,
    string? TransportError,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    Exchange? Repeats,
    TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>No answer, or a 503 saying the database failed while the change was being committed.</summary>
    public bool OutcomeUnknown => Status is null || (Status == 503 && TryParse()?["outcome"]?.GetValue<string>() == "unknown");

    public string ResponseText => Encoding.UTF8.GetString(ResponseBody);

    public JsonObject Response() => JsonNode.Parse(ResponseBody)!.AsObject();

    public JsonObject Request() => JsonNode.Parse(RequestBody!)!.AsObject();

    /// <summary>The problem's <c>code</c> of a 4xx/5xx answer, if it has one.</summary>
    public string? ProblemCode => IsSuccess || Status is null ? null : TryParse()?["code"]?.GetValue<string>();

    /// <summary>The exchange as one line of a failure message (the token is left out).</summary>
    public override string ToString() =>
        $"#{Sequence} {Operation} table {Table} node {Node} {StartedAt:HH:mm:ss.fff}-{EndedAt:HH:mm:ss.fff} {Method} {Path}" +
        (IdempotencyKey is null ? "" : $" key {IdempotencyKey}") + (RequestBody is null ? "" : $" {RequestBody}") +
        (Repeats is null ? "" : $" (repeats #{Repeats.Sequence})") +
        (Status is null ? $" -> no answer: {TransportError}" : $" -> {Status} {ResponseText}");

    private JsonObject? TryParse()
    {
        try
        {
            return JsonNode.Parse(ResponseBody) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Sends requests to the API nodes and records every one with its answer; safe to use from many tasks at once. Clients
/// that wait out outages (<see cref="WorkloadOptions.WaitOutOutages"/>) repeat a 503 after its Retry-After, as README
/// advises: with the request's Idempotency-Key if it has one, and without one only when nothing was changed.
/// </summary>
public sealed class HistoryRecorder : IDisposable
{
    private const int MaxAttempts = 40;
    private static readonly TimeSpan KeyInUsePause = TimeSpan.FromSeconds(1);

    private readonly HttpClient[] _nodes;
    private readonly bool _waitOutOutages;
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private long _sequence;

    public HistoryRecorder(IReadOnlyList<ApiProcess> nodes, bool waitOutOutages = false)
    {
        Assert.NotEmpty(nodes);
        _nodes = nodes.Select(node => ContractHandler.Client(node.Address, TimeSpan.FromSeconds(60))).ToArray();
        _waitOutOutages = waitOutOutages;
    }

    public int NodeCount => _nodes.Length;

    /// <summary>How many requests have been answered (or failed) so far.</summary>
    public int Count => _exchanges.Count;

    /// <summary>Everything recorded so far, in the order the requests were started.</summary>
    public IReadOnlyList<Exchange> Exchanges => _exchanges.OrderBy(e => e.Sequence).ToList();

    /// <summary>Sends the request (again, while it meets an outage the client waits out); returns the last exchange.</summary>
    public async Task<Exchange> SendAsync(Operation operation, string table, int node, HttpMethod method, string path,
        string? token, string? body = null, string? idempotencyKey = null, Exchange? repeats = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var exchange = await SendOnceAsync(operation, table, node, method, path, token, body, idempotencyKey, repeats);
            if (attempt == MaxAttempts || PauseBeforeRepeating(exchange) is not { } pause) return exchange;
            await Task.Delay(pause);
        }
    }

    /// <summary>How long a client that waits out outages pauses before repeating <paramref name="exchange"/>; null: it does not.</summary>
    private TimeSpan? PauseBeforeRepeating(Exchange exchange)
    {
        if (!_waitOutOutages) return null;
        if (exchange.Status == 503 && (exchange.IdempotencyKey is not null || exchange.Method == "GET" || !exchange.OutcomeUnknown))
            return exchange.RetryAfter ?? KeyInUsePause;
        // The key of an attempt that failed in the outage is released once the database is back.
        return exchange is { Status: 409, ProblemCode: "idempotency_key_in_use" } ? KeyInUsePause : null;
    }

    private async Task<Exchange> SendOnceAsync(Operation operation, string table, int node, HttpMethod method, string path,
        string? token, string? body, string? idempotencyKey, Exchange? repeats)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var startedAt = DateTimeOffset.UtcNow;
        int? status = null;
        string? contentType = null, transportError = null;
        byte[] responseBody = [];
        TimeSpan? retryAfter = null;
        try
        {
            using var response = await _nodes[node].SendAsync(request);
            status = (int)response.StatusCode;
            contentType = response.Content.Headers.ContentType?.ToString();
            retryAfter = response.Headers.RetryAfter?.Delta;
            responseBody = await response.Content.ReadAsByteArrayAsync();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            transportError = $"{exception.GetType().Name}: {exception.Message}";
        }
        var exchange = new Exchange(sequence, operation, table, node, method.Method, path, token, idempotencyKey, body,
            status, contentType, responseBody, transportError, startedAt, DateTimeOffset.UtcNow, repeats, retryAfter);
        _exchanges.Enqueue(exchange);
        return exchange;
    }

    /// <summary>Sends <paramref name="first"/> again, byte for byte and with its Idempotency-Key, to <paramref name="node"/>.</summary>
    public Task<Exchange> RepeatAsync(Exchange first, int node) =>
        SendAsync(Operation.Retry, first.Table, node, new HttpMethod(first.Method), first.Path, first.Token,
            first.RequestBody, first.IdempotencyKey, first);

    public void Dispose()
    {
        foreach (var client in _nodes) client.Dispose();
    }
}
