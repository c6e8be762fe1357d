using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

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
}

/// <summary>
/// One request and its answer as the client saw them. <see cref="Status"/> is null when the outcome is unknown (the
/// connection failed or timed out): such a request may or may not have been applied.
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
    Exchange? Repeats)
{
    public bool IsSuccess => Status is >= 200 and < 300;

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

/// <summary>Sends requests to the API nodes and records every one with its answer; safe to use from many tasks at once.</summary>
public sealed class HistoryRecorder : IDisposable
{
    private readonly HttpClient[] _nodes;
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private long _sequence;

    public HistoryRecorder(IReadOnlyList<ApiProcess> nodes)
    {
        Assert.NotEmpty(nodes);
        _nodes = nodes.Select(node => new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(60) }).ToArray();
    }

    public int NodeCount => _nodes.Length;

    /// <summary>Everything recorded so far, in the order the requests were started.</summary>
    public IReadOnlyList<Exchange> Exchanges => _exchanges.OrderBy(e => e.Sequence).ToList();

    public async Task<Exchange> SendAsync(Operation operation, string table, int node, HttpMethod method, string path,
        string? token, string? body = null, string? idempotencyKey = null, Exchange? repeats = null)
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
        try
        {
            using var response = await _nodes[node].SendAsync(request);
            status = (int)response.StatusCode;
            contentType = response.Content.Headers.ContentType?.ToString();
            responseBody = await response.Content.ReadAsByteArrayAsync();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            transportError = $"{exception.GetType().Name}: {exception.Message}";
        }
        var exchange = new Exchange(sequence, operation, table, node, method.Method, path, token, idempotencyKey, body,
            status, contentType, responseBody, transportError, startedAt, DateTimeOffset.UtcNow, repeats);
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
