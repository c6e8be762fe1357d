using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

/// <summary>One event as a stream delivered it: its id (position), type and data.</summary>
public sealed record ReceivedEvent(long Id, string Type, JsonObject Data);

/// <summary>A client's open Server-Sent Events stream, read with the framework's own SSE parser (comments skipped).</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly IAsyncEnumerator<SseItem<string>> _items;

    private EventStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _body = body;
        _items = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    /// <summary>The answer to a stream request that was refused (or anything not 200), read whole.</summary>
    public static async Task<HttpResponseMessage> RequestAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public static async Task<EventStream> OpenAsync(HttpClient client, string path, long? lastEventId = null)
    {
        var response = await RequestAsync(client, path, lastEventId?.ToString());
        // The body is read only on a refusal: an open stream's body never ends.
        if (response.StatusCode != HttpStatusCode.OK)
            Assert.Fail($"The stream answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStreamAsync();
        return new EventStream(response, body);
    }

    /// <summary>The next event; fails when none comes within <paramref name="timeout"/> (10 s by default).</summary>
    public async Task<ReceivedEvent> NextAsync(TimeSpan? timeout = null)
    {
        var next = _items.MoveNextAsync().AsTask();
        var finished = await Task.WhenAny(next, Task.Delay(timeout ?? TimeSpan.FromSeconds(10)));
        Assert.True(finished == next, "No event arrived in time.");
        Assert.True(await next, "The stream ended.");
        var item = _items.Current;
        return new ReceivedEvent(long.Parse(item.EventId!), item.EventType, JsonNode.Parse(item.Data)!.AsObject());
    }

    public async Task<IReadOnlyList<ReceivedEvent>> TakeAsync(int count)
    {
        var events = new List<ReceivedEvent>();
        for (var i = 0; i < count; i++) events.Add(await NextAsync());
        return events;
    }

    /// <summary>The next event of <paramref name="type"/>, passing over others.</summary>
    public async Task<ReceivedEvent> NextOfTypeAsync(string type)
    {
        while (true)
        {
            var next = await NextAsync();
            if (next.Type == type) return next;
        }
    }

    /// <summary>
    /// Hands every event to <paramref name="received"/> as it arrives, until the stream ends or <paramref name="stop"/>
    /// is cancelled (the body of an open stream never ends by itself); for a reader in the background, instead of
    /// <see cref="NextAsync"/>. Stop it by cancelling, and dispose the stream only once it has returned: disposing the
    /// response under a read in flight hands the parser garbled bytes. An event whose id or data does not parse goes to
    /// <paramref name="malformed"/> as it came.
    /// </summary>
    public async Task ReadAsync(Action<ReceivedEvent> received, Action<string> malformed, CancellationToken stop)
    {
        try
        {
            await foreach (var item in SseParser.Create(_body).EnumerateAsync(stop))
            {
                if (long.TryParse(item.EventId, out var id) && TryParse(item.Data) is { } data) received(new ReceivedEvent(id, item.EventType, data));
                else malformed($"id: {item.EventId} event: {item.EventType} data: {item.Data}");
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
        {
            // Stopped by its owner, or the connection went away: the owner judges what was received.
        }
    }

    private static JsonObject? TryParse(string data)
    {
        try
        {
            return JsonNode.Parse(data) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>True when no event arrives within <paramref name="wait"/> (the stream is unusable afterwards).</summary>
    public async Task<bool> StaysQuietAsync(TimeSpan wait)
    {
        var next = _items.MoveNextAsync().AsTask();
        return await Task.WhenAny(next, Task.Delay(wait)) != next || !await next;
    }

    public ValueTask DisposeAsync()
    {
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
