using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.History;

/// <summary>What the kitchen saw (the feed read at the end, and the screens that paged it while the workload ran) and the voids.</summary>
public sealed partial class HistoryChecker
{
    /// <summary>The kitchen saw every ticket once, in sequence, with the lines the order has.</summary>
    private void CheckKitchen(List<JsonObject> orders)
    {
        var feed = FinalFeed();
        var sequences = feed.Select(t => t["sequence"]!.GetValue<long>()).ToList();
        if (!sequences.Zip(sequences.Skip(1)).All(pair => pair.First < pair.Second)) Violation("the kitchen feed is not in increasing sequence");
        var seen = feed.GroupBy(t => (t["orderId"].Text(), t["number"]!.GetValue<int>())).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var order in orders)
            foreach (var ticket in order["tickets"]!.AsArray())
            {
                var key = (order["id"].Text(), ticket!["number"]!.GetValue<int>());
                if (seen.GetValueOrDefault(key) is not [var sent] || !LineIds(sent).SequenceEqual(LineIds(ticket)) || sent["kind"].Text() != ticket["kind"].Text())
                    Violation($"the kitchen did not see ticket {key.Item2} of order {key.Item1} once as the order has it");
            }
    }

    /// <summary>
    /// Each kitchen screen, paging with ?after= while orders, fires and voids were committed on every node, saw every
    /// ticket of its station exactly once and in sequence: none skipped (a ticket committing behind one already paged
    /// past), none repeated. The screens kept paging after the workload until a page came back empty, so what they saw
    /// is the whole feed (for a station, the tickets with any of its lines), as read at the end.
    /// </summary>
    private void CheckKitchenScreens()
    {
        var feed = FinalFeed();
        foreach (var screen in history.Where(e => e.Operation == Operation.PollKitchen).GroupBy(e => StationOf(e.Path)))
        {
            var name = screen.Key is null ? "the kitchen's screen" : $"the {screen.Key} screen";
            var seen = screen.OrderBy(e => e.Sequence).Where(e => e.Status == 200)
                .SelectMany(e => JsonNode.Parse(e.ResponseBody)!.AsArray()).Select(t => t!.AsObject()).ToList();
            var sequences = seen.Select(t => t["sequence"]!.GetValue<long>()).ToList();
            if (!sequences.Zip(sequences.Skip(1)).All(pair => pair.First < pair.Second))
                Violation($"{name} saw a ticket twice or out of sequence: {string.Join(",", sequences)}");
            var expected = feed.Where(t => screen.Key is null || Stations(t).Contains(screen.Key)).Select(Describe).ToList();
            var got = seen.Select(Describe).ToList();
            foreach (var missing in expected.Except(got)) Violation($"{name} skipped ticket {missing}");
            foreach (var extra in got.Except(expected)) Violation($"{name} saw ticket {extra}, which the kitchen does not have for it");
            if (screen.Key is not null && seen.Any(t => Stations(t).Any(s => s != screen.Key)))
                Violation($"{name} was shown another station's lines");
            if (expected.Count == 0) Violation($"{name} had nothing to see: the workload sent it no ticket");
        }

        static string Describe(JsonObject ticket) =>
            $"{ticket["sequence"]} ({ticket["kind"].Text()} ticket {ticket["number"]} of order {ticket["orderId"].Text()})";

        static HashSet<string> Stations(JsonObject ticket) => ticket["lines"]!.AsArray().Select(l => l!["station"].Text()).ToHashSet();

        static string? StationOf(string path) =>
            path.Split('?', '&').FirstOrDefault(part => part.StartsWith("station=", StringComparison.Ordinal))?["station=".Length..];
    }

    /// <summary>
    /// Each line's voided units are at least the acknowledged voids of it and at most those and the voids that got no
    /// answer (every void in the workload takes one unit).
    /// </summary>
    private void CheckVoids(List<Exchange> exchanges, JsonObject order)
    {
        var voids = exchanges.Where(e => Kind(e) == Operation.Void && e.Repeats is null).ToList();
        if (voids.Count == 0) return;
        var lines = Lines(order).ToList();
        var noteOf = lines.ToDictionary(line => line["lineId"].Text(), line => line["note"].Text());
        string? NoteOf(Exchange call) => noteOf.GetValueOrDefault(call.Request()["lines"]![0]!["lineId"].Text());
        foreach (var note in voids.Select(NoteOf).Distinct())
        {
            var calls = voids.Where(v => NoteOf(v) == note).ToArray();
            if (note is null)
            {
                Violation("a void named a line the order does not have", calls);
                continue;
            }
            var acknowledged = calls.Count(v => v.Status == 200);
            var unknown = calls.Count(v => v.OutcomeUnknown);
            var units = lines.Where(line => line["note"].Text() == note && line["status"].Text() == "voided").Sum(line => line["quantity"]!.GetValue<int>());
            if (units < acknowledged || units > acknowledged + unknown)
                Violation($"line {note} has {units} voided units after {acknowledged} acknowledged voids ({unknown} unanswered)", calls);
        }
        if (order["tickets"]!.AsArray().Count(t => t!["kind"].Text() == "void") is var tickets && (tickets < voids.Count(v => v.Status == 200)
                || tickets > voids.Count(v => v.Status == 200 || v.OutcomeUnknown)))
            Violation($"order {order["id"].Text()} has {tickets} void tickets for its {voids.Count(v => v.Status == 200)} acknowledged voids", voids.ToArray());
    }

    /// <summary>The whole kitchen feed as read at the end (no station).</summary>
    private List<JsonObject> FinalFeed() => history.Where(e => e.Operation == Operation.ReadKitchen && e.Status == 200)
        .SelectMany(e => JsonNode.Parse(e.ResponseBody)!.AsArray()).Select(t => t!.AsObject()).ToList();
}
