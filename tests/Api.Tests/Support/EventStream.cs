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
    private readonly IAsyncEnumerator<SseItem<string>> _items;

    private EventStream(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> items)
    {
        _response = response;
        _items = items;
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
        return new EventStream(response, SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator());
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
