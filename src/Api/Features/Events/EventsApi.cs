using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.OpenApi;
using Restaurant.Api.Persistence;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Features.Events;

public static class EventsApi
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/orders/{id}/events", OrderEventsAsync).RequireAuthorization(Access.OrderHolder).WithTags("Events")
            .WithName("getOrderEvents").WithSummary("Follow an order's changes (Server-Sent Events)")
            .WithDescription("Every change of the order as it commits, on any node: `id:` the event's position, `event:` its type, " +
                             "`data:` its JSON. `Last-Event-ID` (or `after`) resumes with exactly the events after that one; " +
                             "without either the stream starts with the order's whole kept history (at least 24 hours), so a client " +
                             "that read the order skips the events whose `version` it already has. A comment line every 15 s keeps an idle stream open.")
            .Refuses(ProblemCatalog.OrderNotFound);
        app.MapGet("/kitchen/events", KitchenEventsAsync).RequireAuthorization(Access.StaffOnly).WithTags("Events")
            .WithName("getKitchenEvents").WithSummary("Follow the kitchen's tickets (Server-Sent Events, staff)")
            .WithDescription("Every ticket (order and void) and line status change as it commits, on any node, in the order readers " +
                             "are handed them. `station` keeps only that station's lines (and passes over events with none). " +
                             "`Last-Event-ID` (or `after`) resumes exactly; without either the stream starts with the events to come.");
        return app;
    }

    private static async Task<ServerSentEventsResult<string>> OrderEventsAsync(string id, long? after, HttpContext http,
        RestaurantDbContext db, EventStreams streams, CancellationToken ct)
    {
        var resume = ResumeFrom(http.Request, after);
        if (!await db.Orders.AnyAsync(o => o.Id == id, ct)) throw ApiProblem.OrderNotFound(id);
        return TypedResults.ServerSentEvents(streams.ReadAsync(new EventFilter(id, KitchenOnly: false), resume ?? 0,
            stored => stored.Data, http.Response, ct));
    }

    private static ServerSentEventsResult<string> KitchenEventsAsync(long? after, string? station, HttpContext http, EventStreams streams,
        CancellationToken ct)
    {
        if (station is not null && (station.Length is 0 or > MenuItem.MaxStationLength || !Regex.IsMatch(station, RequestShapes.MenuIdPattern)))
            throw Invalid("station", "station names a menu station (letters, digits, '-' or '_').");
        return TypedResults.ServerSentEvents(streams.ReadAsync(new EventFilter(null, KitchenOnly: true), ResumeFrom(http.Request, after),
            station is null ? stored => stored.Data : stored => StationEvents.Trim(stored, station), http.Response, ct));
    }

    /// <summary>Last-Event-ID (what a reconnecting EventSource sends) wins over <c>after</c> (the first connect's).</summary>
    private static long? ResumeFrom(HttpRequest request, long? after)
    {
        string? header = request.Headers[LastEventIdHeader];
        if (string.IsNullOrEmpty(header))
            return after is < 0 ? throw Invalid("after", "after is the id of an event (a number, 0 or more).") : after;
        return long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            // The field is the header's name in lower case: the problem's field names are camelCased, and headers ignore case.
            : throw Invalid(LastEventIdHeader.ToLowerInvariant(), "Last-Event-ID is the id of an event this stream sent (a number).");
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
