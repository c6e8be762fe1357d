using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;

namespace Restaurant.Browser.Tests.Support;

/// <summary>The event-stream requests a page makes, with the <c>Last-Event-ID</c> each one sent (null: none).</summary>
public sealed class StreamRequests
{
    private readonly ConcurrentQueue<string?> _lastEventIds = new();

    /// <summary>Records the page's requests whose path ends with <paramref name="path"/> (before any query).</summary>
    public static StreamRequests Watch(IPage page, string path)
    {
        var requests = new StreamRequests();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.EndsWith(path, StringComparison.Ordinal))
                requests._lastEventIds.Enqueue(request.Headers.GetValueOrDefault("last-event-id"));
        };
        return requests;
    }

    /// <summary>The <c>Last-Event-ID</c> of the first request that sent one (the first reopening); fails when none did.</summary>
    public long FirstLastEventId()
    {
        var first = _lastEventIds.FirstOrDefault(id => id is not null);
        Assert.False(first is null, $"The page reopened no stream with Last-Event-ID (requests: {_lastEventIds.Count}).");
        return long.Parse(first, CultureInfo.InvariantCulture);
    }
}
