using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.History;

/// <summary>
/// Judges what the streams of <see cref="EventWatch"/> received against the recorded history (issue 15): no duplicate
/// (ids only grow on every stream), no gap (each order's versions run without a hole from its opening to its final
/// version, and every acknowledged change of it is there once), the kitchen's tickets each once in the kitchen's
/// sequence, and a stream resumed with Last-Event-ID on another node ends with exactly the events of one that never
/// dropped.
/// </summary>
public sealed class EventStreamChecker(IReadOnlyList<Exchange> history, EventWatch watch)
{
    private readonly List<string> _violations = [];

    /// <summary>Each order as node 0 read it back at the end, by id.</summary>
    public static Dictionary<string, JsonObject> FinalOrders(IReadOnlyList<Exchange> history) =>
        history.Where(e => e is { Operation: Operation.ReadOrder, Node: 0, Status: 200 }).Select(e => e.Response())
            .ToDictionary(order => order["id"].Text());

    /// <summary>The kitchen feed as read at the end.</summary>
    public static List<JsonObject> FinalFeed(IReadOnlyList<Exchange> history) =>
        history.Where(e => e.Operation == Operation.ReadKitchen && e.Status == 200)
            .SelectMany(e => JsonNode.Parse(e.ResponseBody)!.AsArray()).Select(t => t!.AsObject()).ToList();

    public List<string> Check()
    {
        foreach (var stream in watch.All) CheckIdsGrow(stream);
        foreach (var stream in watch.All)
            _violations.AddRange(stream.Malformed.Select(item => $"{stream.Name} delivered an event that does not parse: {item}"));
        var orders = FinalOrders(history);
        foreach (var (orderId, stream) in watch.Orders)
        {
            var table = orders[orderId]["table"].Text();
            CheckOrder(stream, orders[orderId], history.Where(e => e.Table == table).ToList());
            CheckSame(watch.Afresh[orderId], stream);
        }
        if (watch.Orders.Count < orders.Count) _violations.Add($"only {watch.Orders.Count} of {orders.Count} orders had a stream");
        var feed = FinalFeed(history);
        CheckKitchen(watch.Kitchen, feed);
        CheckKitchen(watch.ResumedKitchen, feed);
        CheckSame(watch.ResumedKitchen, watch.Kitchen);
        return _violations;
    }

    private void CheckIdsGrow(WatchedStream stream)
    {
        var ids = stream.Events.Select(e => e.Id).ToList();
        foreach (var (before, after) in ids.Zip(ids.Skip(1)).Where(pair => pair.First >= pair.Second))
            _violations.Add($"{stream.Name} (nodes {string.Join(",", stream.Nodes)}) delivered event {after} after {before}");
    }

    /// <summary>
    /// The order's stream starts with its opening and runs through every version to the final one: each change is one
    /// step of the version, except a payment that paid the order up, which also settles it (two steps, one transaction:
    /// Order.Payments.cs), and then carries its order_status. No event type twice at one version.
    /// </summary>
    private void CheckOrder(WatchedStream stream, JsonObject final, List<Exchange> exchanges)
    {
        var events = stream.Events;
        if (events.Count == 0 || events[0].Type != "order_opened" || events[0].Version() != 1)
            _violations.Add($"{stream.Name} did not start with order_opened at version 1: {Describe(events.Take(1))}");
        foreach (var repeated in events.GroupBy(e => (Version: e.Version(), e.Type)).Where(g => g.Count() > 1))
            _violations.Add($"{stream.Name} delivered {repeated.Key.Type} at version {repeated.Key.Version} {repeated.Count()} times");
        var versions = events.Select(e => e.Version()).ToList();
        if (versions.Zip(versions.Skip(1)).Any(pair => pair.First > pair.Second))
            _violations.Add($"{stream.Name} delivered versions out of order: {string.Join(",", versions)}");
        var steps = versions.Distinct().ToList();
        foreach (var (before, after) in steps.Zip(steps.Skip(1)).Where(pair => pair.Second != pair.First + 1 && !(pair.Second == pair.First + 2 && SettledBy(events, pair.Second))))
            _violations.Add($"{stream.Name} skipped from version {before} to {after}");
        var finalVersion = final["version"]!.GetValue<long>();
        if (steps.Count == 0 || steps[^1] < finalVersion)
            _violations.Add($"{stream.Name} ended at version {(steps.Count == 0 ? 0 : steps[^1])}, the order is at {finalVersion}");

        foreach (var change in exchanges.Where(e => e.Repeats is null && e.IsSuccess))
            if (Expected(change) is { } expected && !expected.DeliveredOnceIn(events))
                _violations.Add($"{stream.Name} did not deliver the {expected.Type} event of {change} once: {Describe(events.Where(expected.Matches))}");
        if (exchanges.Any(e => e.Operation == Operation.Bill && e.Status == 200) && events.Count(e => e.Type == "bill") != 1)
            _violations.Add($"{stream.Name} delivered {events.Count(e => e.Type == "bill")} bill events for the order's one bill");
    }

    private static bool SettledBy(IReadOnlyList<ReceivedEvent> events, long version) =>
        events.Any(e => e.Version() == version && e.Type == "payment") &&
        events.Any(e => e.Version() == version && e.Type == "order_status" && e.Data["status"].Text() == "paid");

    /// <summary>The event an acknowledged change must have written, if the answer says which.</summary>
    private static ExpectedEvent? Expected(Exchange change)
    {
        var answer = change.Response();
        long? version = answer["version"]?.GetValue<long>();
        return (change.Repeats?.Operation ?? change.Operation, change.Status) switch
        {
            (Operation.OpenOrder, 201) => new("order_opened", e => e.Version() == version),
            (Operation.OpenOrder, 200) => new("diner_joined", e => e.Version() == version),
            (Operation.Add or Operation.Remove or Operation.LateAdd or Operation.HoldAdd, 200) => new("items_changed", e => e.Version() == version),
            (Operation.Void, 200) => new("void", e => e.Version() == version),
            (Operation.Submit or Operation.Fire, 201) => new("ticket", e => e.Data["ticket"]!["number"]!.GetValue<int>() == answer["ticket"]!["number"]!.GetValue<int>()),
            // A payment's first step writes its tenders (its outcomes follow as more payment events of the attempt).
            (Operation.Pay, 200) => new("payment", e => e.Data["attemptId"].Text() == answer["attemptId"].Text(), First: true,
                Carries: e => TenderIds(e.Data).SequenceEqual(TenderIds(answer))),
            _ => null,
        };
    }

    private static IEnumerable<string> TenderIds(JsonObject data) => data["results"]!.AsArray().Select(t => t!["tenderId"].Text()).Order();

    /// <summary>
    /// Every ticket of the final feed (order and void tickets) arrived once on the kitchen stream, with the lines the
    /// feed has, in the kitchen's sequence.
    /// </summary>
    private void CheckKitchen(WatchedStream stream, List<JsonObject> feed)
    {
        var tickets = stream.Events.Where(e => e.Type == "ticket").ToList();
        var sequences = tickets.Select(e => e.Data["sequence"]!.GetValue<long>()).ToList();
        foreach (var (before, after) in sequences.Zip(sequences.Skip(1)).Where(pair => pair.First >= pair.Second))
            _violations.Add($"{stream.Name} (nodes {string.Join(",", stream.Nodes)}) delivered ticket {after} after ticket {before}");
        var got = tickets.Select(e => Describe(e.Data["sequence"]!.GetValue<long>(), e.Data["orderId"].Text(), e.Data["ticket"]!.AsObject())).ToList();
        var expected = feed.Select(t => Describe(t["sequence"]!.GetValue<long>(), t["orderId"].Text(), t)).ToList();
        foreach (var missing in expected.Except(got)) _violations.Add($"{stream.Name} never delivered ticket {missing}");
        foreach (var extra in got.Except(expected)) _violations.Add($"{stream.Name} delivered ticket {extra}, which the kitchen does not have");
        foreach (var twice in got.GroupBy(t => t).Where(g => g.Count() > 1)) _violations.Add($"{stream.Name} delivered ticket {twice.Key} {twice.Count()} times");
        // A void later splits a line: the voided part becomes a line of its own on the same ticket, the rest keeps its id.
        var finalLines = feed.ToDictionary(t => t["sequence"]!.GetValue<long>(), LineIds);
        foreach (var ticket in tickets.Where(e => finalLines.ContainsKey(e.Data["sequence"]!.GetValue<long>())))
            if (LineIds(ticket.Data["ticket"]!.AsObject()).Except(finalLines[ticket.Data["sequence"]!.GetValue<long>()]).Any())
                _violations.Add($"{stream.Name} delivered ticket {ticket.Data["sequence"]} with lines the kitchen's ticket does not have");

        static string Describe(long sequence, string orderId, JsonObject ticket) =>
            $"{sequence} ({ticket["kind"].Text()} ticket {ticket["number"]} of order {orderId})";

        static HashSet<string> LineIds(JsonObject ticket) => ticket["lines"]!.AsArray().Select(l => l!["lineId"].Text()).ToHashSet();
    }

    /// <summary><paramref name="stream"/> received exactly the events <paramref name="reference"/> did: ids, types and data.</summary>
    private void CheckSame(WatchedStream stream, WatchedStream reference)
    {
        var got = stream.Events.Select(Describe).ToList();
        var expected = reference.Events.Select(Describe).ToList();
        if (got.SequenceEqual(expected)) return;
        var at = got.Zip(expected).TakeWhile(pair => pair.First == pair.Second).Count();
        _violations.Add($"{stream.Name} (nodes {string.Join(",", stream.Nodes)}) differs from {reference.Name} (nodes {string.Join(",", reference.Nodes)}) " +
                        $"at its event {at} of {got.Count} ({expected.Count} there): {got.ElementAtOrDefault(at)} / {expected.ElementAtOrDefault(at)}");
    }

    private static string Describe(ReceivedEvent received) => $"{received.Id} {received.Type} {received.Data.ToJsonString()}";

    private static string Describe(IEnumerable<ReceivedEvent> events) => string.Join("; ", events.Select(Describe));

    /// <param name="First">Only the first of the matching events must be the change's (a payment's later steps match too).</param>
    /// <param name="Carries">What that event must also carry.</param>
    private sealed record ExpectedEvent(string Type, Func<ReceivedEvent, bool> Condition, bool First = false, Func<ReceivedEvent, bool>? Carries = null)
    {
        public bool Matches(ReceivedEvent received) => received.Type == Type && Condition(received);

        public bool DeliveredOnceIn(IReadOnlyList<ReceivedEvent> events)
        {
            var matching = events.Where(Matches).ToList();
            return (First ? matching.Count >= 1 : matching.Count == 1) && (Carries?.Invoke(matching[0]) ?? true);
        }
    }
}
