using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.History;

/// <summary>
/// Judges a recorded history against the final state every node reports (the ReadOrder and ReadKitchen exchanges at
/// its end): one order per table with every phone in it, every acknowledged line exactly once, tickets gapless, every
/// bill equal to its tickets, the bill paid exactly (HistoryChecker.Payments.cs), every idempotent retry answered with
/// the first response, and no answer the contract does not allow. A request without an answer may or may not have
/// been applied, so its lines may be there or not. Through outages (<paramref name="outagesAllowed"/>) a request may
/// also be answered 503 service_unavailable with Retry-After: one whose outcome is <c>not_applied</c> must have changed
/// nothing, one whose outcome is <c>unknown</c> counts like no answer; and a key whose first attempt failed in the
/// outage may be in use for a moment after it.
/// </summary>
public sealed partial class HistoryChecker(IReadOnlyList<Exchange> history, bool outagesAllowed = false)
{
    private enum Outcome { Refused, Unknown, Acknowledged }

    /// <summary>A line as diners asked for it, and what became of the requests that carried it.</summary>
    private sealed record AskedLine(JsonObject Line, Outcome Outcome, Exchange[] Exchanges);

    private static readonly Dictionary<Operation, string[]> AllowedAnswers = new()
    {
        [Operation.SetUpTable] = ["201", "200"],
        [Operation.OpenOrder] = ["201", "200"],
        [Operation.Add] = ["200"],
        [Operation.Remove] = ["200", "409 line_submitted"],
        [Operation.LateAdd] = ["200", "409 order_billed"],
        [Operation.Submit] = ["200", "201"],
        [Operation.Bill] = ["200", "409 pending_items"],
        [Operation.Pay] = ["200", "409 total_exceeds_balance", "409 order_paid"],
        [Operation.StalePay] = ["409 total_exceeds_balance", "409 order_paid"],
        [Operation.ReadBalance] = ["200"],
        [Operation.ReadOrder] = ["200"],
        [Operation.ReadKitchen] = ["200"],
    };

    private readonly List<string> _violations = [];

    /// <summary>Every way the history breaks the contract, each with the exchanges that show it; empty when it holds.</summary>
    public IReadOnlyList<string> Check()
    {
        foreach (var exchange in history) CheckAnswer(exchange);
        var finals = new List<JsonObject>();
        foreach (var table in history.Where(e => e.Operation == Operation.OpenOrder && e.IsSuccess).Select(e => e.Table).Distinct())
        {
            var exchanges = history.Where(e => e.Table == table).ToList();
            var views = exchanges.Where(e => e.Operation == Operation.ReadOrder && e.Status == 200).ToList();
            if (views.Count == 0)
            {
                Violation($"table {table} was never read back");
                continue;
            }
            if (views.Select(v => v.ResponseText).Distinct().Count() > 1)
                Violation($"the nodes disagree on table {table}", views.ToArray());
            var order = views[0].Response();
            finals.Add(order);
            CheckSeating(exchanges, order);
            CheckLines(exchanges, order);
            CheckTickets(exchanges, order);
            CheckBill(exchanges, order);
            CheckPayments(exchanges, order);
        }
        CheckKitchen(finals);
        return _violations;
    }

    private void CheckAnswer(Exchange exchange)
    {
        if (exchange.Status is null) return; // unknown outcome: allowed, accounted for where it matters
        if (outagesAllowed && exchange.Status == 503)
        {
            if (exchange.ProblemCode != "service_unavailable" || exchange.RetryAfter is null)
                Violation("a 503 is not service_unavailable with Retry-After", exchange);
            return;
        }
        if (outagesAllowed && exchange is { IdempotencyKey: not null, Status: 409, ProblemCode: "idempotency_key_in_use" }) return;
        if (exchange.Repeats is { } first)
        {
            if (first.Status is not null && (first.Status != exchange.Status || first.ContentType != exchange.ContentType
                    || !first.ResponseBody.AsSpan().SequenceEqual(exchange.ResponseBody)))
                Violation("an idempotent retry was not answered with the first response", first, exchange);
            return;
        }
        var answer = exchange.IsSuccess ? $"{exchange.Status}" : $"{exchange.Status} {exchange.ProblemCode}";
        if (!AllowedAnswers[exchange.Operation].Contains(answer)) Violation($"answer {answer} is not allowed for {exchange.Operation}", exchange);
    }

    /// <summary>Every acknowledged line exactly once, nothing refused or taken back, each as it was asked for.</summary>
    private void CheckLines(List<Exchange> exchanges, JsonObject order)
    {
        var additions = exchanges.Where(e => Kind(e) is Operation.Add or Operation.LateAdd).ToList();
        var removals = exchanges.Where(e => Kind(e) == Operation.Remove).ToList();
        var asked = additions.SelectMany(e => e.Request()["add"]!.AsArray(), (e, line) => (Exchange: e, Line: line!.AsObject()))
            .GroupBy(x => x.Line["note"].Text())
            .ToDictionary(g => g.Key, g => new AskedLine(g.First().Line, OutcomeOf(g.Select(x => x.Exchange)), g.Select(x => x.Exchange).ToArray()));
        var removed = removals.SelectMany(e => e.Request()["remove"]!.AsArray(), (e, id) => (Exchange: e, LineId: id.Text()))
            .GroupBy(x => x.LineId).ToDictionary(g => g.Key, g => OutcomeOf(g.Select(x => x.Exchange)));
        var lineIdByNote = additions.Concat(removals).Where(e => e.IsSuccess).SelectMany(e => Lines(e.Response()))
            .GroupBy(line => line["note"].Text()).ToDictionary(g => g.Key, g => g.First()["lineId"].Text());

        var lines = Lines(order).ToList();
        foreach (var duplicate in lines.GroupBy(line => line["note"].Text()).Where(g => g.Count() > 1))
            Violation($"line {duplicate.Key} is in the order {duplicate.Count()} times", asked.GetValueOrDefault(duplicate.Key)?.Exchanges ?? []);
        foreach (var line in lines)
        {
            var note = line["note"].Text();
            if (!asked.TryGetValue(note, out var addition)) Violation($"line {note} is in the order but nobody added it");
            else if (addition.Outcome == Outcome.Refused) Violation($"line {note} is in the order but its addition was refused", addition.Exchanges);
            else if (Essence(line) != Essence(addition.Line)) Violation($"line {note} is not what was added: {line.ToJsonString()}", addition.Exchanges);
            if (removed.GetValueOrDefault(line["lineId"].Text()) == Outcome.Acknowledged)
                Violation($"line {note} was taken back (acknowledged) but is still in the order", removals.ToArray());
        }
        var present = lines.Select(line => line["note"].Text()).ToHashSet();
        foreach (var (note, addition) in asked.Where(a => a.Value.Outcome == Outcome.Acknowledged && !present.Contains(a.Key)))
        {
            // Absent is right only if its removal was acknowledged, or may have been (no answer).
            var lineId = lineIdByNote.GetValueOrDefault(note);
            if (lineId is null || removed.GetValueOrDefault(lineId, Outcome.Refused) == Outcome.Refused)
                Violation($"line {note} was acknowledged but is not in the order", addition.Exchanges);
        }

        static string Essence(JsonObject line) =>
            $"{line["menuItemId"].Text()} x{line["quantity"]!.GetValue<int>()} for {line["diner"]?.GetValue<string>()}";
    }

    /// <summary>Tickets numbered 1..n without gaps, none empty, each as the submit that made it answered.</summary>
    private void CheckTickets(List<Exchange> exchanges, JsonObject order)
    {
        var tickets = order["tickets"]!.AsArray().ToDictionary(t => t!["number"]!.GetValue<int>(), t => LineIds(t!));
        if (!tickets.Keys.SequenceEqual(Enumerable.Range(1, tickets.Count)))
            Violation($"order {order["id"].Text()} has tickets {string.Join(",", tickets.Keys)}: not 1..{tickets.Count}");
        foreach (var (number, _) in tickets.Where(t => t.Value.Length == 0)) Violation($"ticket {number} of order {order["id"].Text()} is empty");
        var submits = exchanges.Where(e => Kind(e) == Operation.Submit && e.Status == 201 && e.Repeats is null).ToList();
        foreach (var duplicate in submits.GroupBy(s => Ticket(s)["number"]!.GetValue<int>()).Where(g => g.Count() > 1))
            Violation($"ticket {duplicate.Key} was answered to {duplicate.Count()} submits", duplicate.ToArray());
        foreach (var submit in submits)
        {
            var number = Ticket(submit)["number"]!.GetValue<int>();
            if (!tickets.TryGetValue(number, out var lineIds) || !lineIds.SequenceEqual(LineIds(Ticket(submit))))
                Violation($"ticket {number} is not in the order as its submit answered", submit);
        }
        if (exchanges.Any(e => Kind(e) == Operation.Submit && e.OutcomeUnknown)) return; // a ticket may be from a submit that got no answer
        foreach (var number in tickets.Keys.Except(submits.Select(s => Ticket(s)["number"]!.GetValue<int>())))
            Violation($"ticket {number} of order {order["id"].Text()} was never answered to a submit");

        static JsonObject Ticket(Exchange submit) => submit.Response()["ticket"]!.AsObject();
    }

    /// <summary>One frozen bill, the same in every answer, equal to the ticket lines at their prices.</summary>
    private void CheckBill(List<Exchange> exchanges, JsonObject order)
    {
        if (order["bill"] is not JsonObject bill)
        {
            Violation($"order {order["id"].Text()} has no bill");
            return;
        }
        if (order["pending"]!.AsArray().Count > 0) Violation($"order {order["id"].Text()} was billed with lines pending: {order.ToJsonString()}");
        var expected = order["tickets"]!.AsArray().SelectMany(t => t!["lines"]!.AsArray())
            .GroupBy(line => (menuItemId: line!["menuItemId"].Text(), unitPrice: line["unitPrice"].Money()))
            .Select(g => (g.Key.menuItemId, g.Key.unitPrice, quantity: g.Sum(line => line!["quantity"]!.GetValue<int>())))
            .Select(i => $"{i.menuItemId} {i.quantity} x {i.unitPrice:0.00} = {i.unitPrice * i.quantity:0.00}").Order();
        var billed = bill["items"]!.AsArray()
            .Select(i => $"{i!["menuItemId"].Text()} {i["quantity"]!.GetValue<int>()} x {i["unitPrice"].Money():0.00} = {i["amount"].Money():0.00}").Order();
        if (!expected.SequenceEqual(billed))
            Violation($"the bill of order {order["id"].Text()} is not its tickets: billed [{string.Join("; ", billed)}], sent [{string.Join("; ", expected)}]");
        var subtotal = bill["items"]!.AsArray().Sum(i => i!["amount"].Money());
        if (subtotal != bill["subtotal"].Money() || bill["total"].Money() != subtotal - bill["savings"].Money() + bill["tax"].Money()
            || bill["total"].Money() != bill["shares"]!.AsArray().Sum(s => s!["amount"].Money()))
            Violation($"the bill of order {order["id"].Text()} does not add up: {bill.ToJsonString()}");
        foreach (var answer in exchanges.Where(e => Kind(e) == Operation.Bill && e.Status == 200 && Frozen(e.Response()) != Frozen(bill)))
            Violation($"a bill answer differs from the bill order {order["id"].Text()} kept: {bill.ToJsonString()}", answer);

        // What was paid (in all, and of each share) and the balance move with payments; the rest was frozen by the first bill.
        static string Frozen(JsonObject bill)
        {
            var copy = bill.DeepClone().AsObject();
            copy.Remove("paid");
            copy.Remove("balance");
            foreach (var share in copy["shares"]!.AsArray()) share!.AsObject().Remove("paid");
            return copy.ToJsonString();
        }
    }

    /// <summary>Every phone that scanned the table's code is in its one order, each with a token of its own; one of them opened it.</summary>
    private void CheckSeating(List<Exchange> exchanges, JsonObject order)
    {
        var seated = exchanges.Where(e => e.Operation == Operation.OpenOrder && e.IsSuccess).ToArray();
        foreach (var phone in seated.Where(e => e.Response()["id"].Text() != order["id"].Text()))
            Violation($"a phone of table {order["table"].Text()} got order {phone.Response()["id"].Text()}, not the table's one {order["id"].Text()}", phone);
        var opened = seated.Count(e => e.Status == 201);
        var unanswered = exchanges.Any(e => e.Operation == Operation.OpenOrder && e.OutcomeUnknown);
        if (opened > 1 || (opened == 0 && !unanswered))
            Violation($"{opened} phones opened table {order["table"].Text()}; exactly one should have, the others joined", seated);
        if (seated.Select(e => e.Response()["accessToken"].Text()).Distinct().Count() != seated.Length)
            Violation($"two phones of table {order["table"].Text()} got the same token", seated);
    }

    /// <summary>The kitchen saw every ticket once, in sequence, with the lines the order has.</summary>
    private void CheckKitchen(List<JsonObject> orders)
    {
        var feed = history.Where(e => e.Operation == Operation.ReadKitchen && e.Status == 200)
            .SelectMany(e => JsonNode.Parse(e.ResponseBody)!.AsArray()).Select(t => t!.AsObject()).ToList();
        var sequences = feed.Select(t => t["sequence"]!.GetValue<long>()).ToList();
        if (!sequences.Zip(sequences.Skip(1)).All(pair => pair.First < pair.Second)) Violation("the kitchen feed is not in increasing sequence");
        var seen = feed.GroupBy(t => (t["orderId"].Text(), t["number"]!.GetValue<int>())).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var order in orders)
            foreach (var ticket in order["tickets"]!.AsArray())
            {
                var key = (order["id"].Text(), ticket!["number"]!.GetValue<int>());
                if (seen.GetValueOrDefault(key) is not [var sent] || !LineIds(sent).SequenceEqual(LineIds(ticket)))
                    Violation($"the kitchen did not see ticket {key.Item2} of order {key.Item1} once as the order has it");
            }
    }

    private static Operation Kind(Exchange exchange) => exchange.Repeats?.Operation ?? exchange.Operation;

    private static Outcome OutcomeOf(IEnumerable<Exchange> attempts)
    {
        var list = attempts.ToList();
        return list.Any(e => e.IsSuccess) ? Outcome.Acknowledged : list.Any(e => e.OutcomeUnknown) ? Outcome.Unknown : Outcome.Refused;
    }

    private static IEnumerable<JsonObject> Lines(JsonObject order) =>
        order["tickets"]!.AsArray().SelectMany(t => t!["lines"]!.AsArray()).Concat(order["pending"]!.AsArray()).Select(l => l!.AsObject());

    private static string[] LineIds(JsonNode ticket) => ticket["lines"]!.AsArray().Select(l => l!["lineId"].Text()).ToArray();

    private void Violation(string what, params Exchange[] evidence) =>
        _violations.Add(string.Join(Environment.NewLine + "    ", evidence.Take(8).Select(e => e.ToString()).Prepend(what)));
}
