using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.History;

/// <summary>
/// Judges a recorded history against the final state every node reports (the ReadOrder and ReadKitchen exchanges at
/// its end): one order per table with every phone in it, every acknowledged line exactly once (a voided part of it
/// included), tickets gapless, every bill equal to its tickets' lines that were not voided, the bill paid exactly
/// (HistoryChecker.Payments.cs), every idempotent retry answered with the first response, and no answer the contract does
/// not allow; HistoryChecker.Kitchen.cs judges what the kitchen saw and the voids. A request without an answer may or may
/// not have been applied, so its lines may be there or not. Through outages (<paramref name="outagesAllowed"/>) a request
/// may also be answered 503 service_unavailable with Retry-After: one whose outcome is <c>not_applied</c> must have
/// changed nothing, one whose outcome is <c>unknown</c> counts like no answer; and a key whose first attempt failed in the
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
        [Operation.HoldAdd] = ["200"],
        [Operation.Fire] = ["200", "201"],
        // The manager voids one unit of a line; another void may have taken the line's last unit first.
        [Operation.Void] = ["200", "409 invalid_status_change"],
        [Operation.Bill] = ["200", "409 pending_items"],
        [Operation.Pay] = ["200", "409 total_exceeds_balance", "409 order_paid"],
        [Operation.StalePay] = ["409 total_exceeds_balance", "409 order_paid"],
        [Operation.ReadBalance] = ["200"],
        [Operation.ReadOrder] = ["200"],
        [Operation.ReadKitchen] = ["200"],
        [Operation.PollKitchen] = ["200"],
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
            CheckVoids(exchanges, order);
        }
        CheckKitchen(finals);
        CheckKitchenScreens();
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

    /// <summary>
    /// Every acknowledged line exactly once, nothing refused or taken back, each as it was asked for. A partial void
    /// splits a line, so one addition may be several lines with its note: its units add up to what was asked, and at
    /// most one of them is not voided.
    /// </summary>
    private void CheckLines(List<Exchange> exchanges, JsonObject order)
    {
        var additions = exchanges.Where(e => Kind(e) is Operation.Add or Operation.LateAdd or Operation.HoldAdd).ToList();
        var removals = exchanges.Where(e => Kind(e) == Operation.Remove).ToList();
        var asked = additions.SelectMany(e => e.Request()["add"]!.AsArray(), (e, line) => (Exchange: e, Line: line!.AsObject()))
            .GroupBy(x => x.Line["note"].Text())
            .ToDictionary(g => g.Key, g => new AskedLine(g.First().Line, OutcomeOf(g.Select(x => x.Exchange)), g.Select(x => x.Exchange).ToArray()));
        var removed = removals.SelectMany(e => e.Request()["remove"]!.AsArray(), (e, id) => (Exchange: e, LineId: id.Text()))
            .GroupBy(x => x.LineId).ToDictionary(g => g.Key, g => OutcomeOf(g.Select(x => x.Exchange)));
        var lineIdByNote = additions.Concat(removals).Where(e => e.IsSuccess).SelectMany(e => Lines(e.Response()))
            .GroupBy(line => line["note"].Text()).ToDictionary(g => g.Key, g => g.First()["lineId"].Text());

        var lines = Lines(order).ToList();
        foreach (var duplicate in lines.GroupBy(line => line["lineId"].Text()).Where(g => g.Count() > 1))
            Violation($"line id {duplicate.Key} is in the order {duplicate.Count()} times");
        foreach (var group in lines.GroupBy(line => line["note"].Text()))
        {
            var note = group.Key;
            var addition = asked.GetValueOrDefault(note);
            if (addition is null) Violation($"line {note} is in the order but nobody added it");
            else if (addition.Outcome == Outcome.Refused) Violation($"line {note} is in the order but its addition was refused", addition.Exchanges);
            else if (Essence(group.ToList()) != Essence([addition.Line]))
                Violation($"line {note} is not what was added: {string.Join(" ", group.Select(l => l.ToJsonString()))}", addition.Exchanges);
            if (group.Count(line => line["status"].Text() != "voided") > 1)
                Violation($"line {note} is in the order {group.Count()} times", addition?.Exchanges ?? []);
            if (group.Any(line => removed.GetValueOrDefault(line["lineId"].Text()) == Outcome.Acknowledged))
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

        static string Essence(List<JsonObject> parts) =>
            string.Join(" | ", parts.Select(line => $"{line["menuItemId"].Text()} for {line["diner"]?.GetValue<string>()}").Distinct()) +
            $" x{parts.Sum(line => line["quantity"]!.GetValue<int>())}";
    }

    /// <summary>
    /// Tickets numbered 1..n without gaps, none empty, each as the call that made it answered: a submit's or fire's
    /// order ticket holds the lines it answered (and later only voided parts split off them); a void's void ticket
    /// holds exactly the lines it answered.
    /// </summary>
    private void CheckTickets(List<Exchange> exchanges, JsonObject order)
    {
        var tickets = order["tickets"]!.AsArray().ToDictionary(t => t!["number"]!.GetValue<int>(), t => t!.AsObject());
        if (!tickets.Keys.SequenceEqual(Enumerable.Range(1, tickets.Count)))
            Violation($"order {order["id"].Text()} has tickets {string.Join(",", tickets.Keys)}: not 1..{tickets.Count}");
        foreach (var (number, _) in tickets.Where(t => LineIds(t.Value).Length == 0)) Violation($"ticket {number} of order {order["id"].Text()} is empty");
        var makers = exchanges.Where(e => e.Repeats is null && (Kind(e) is Operation.Submit or Operation.Fire ? e.Status == 201 : Kind(e) == Operation.Void && e.Status == 200))
            .Select(e => (Exchange: e, Ticket: AnsweredTicket(e))).ToList();
        foreach (var duplicate in makers.GroupBy(m => m.Ticket["number"]!.GetValue<int>()).Where(g => g.Count() > 1))
            Violation($"ticket {duplicate.Key} was answered to {duplicate.Count()} calls", duplicate.Select(m => m.Exchange).ToArray());
        foreach (var (maker, answered) in makers)
        {
            var number = answered["number"]!.GetValue<int>();
            if (!tickets.TryGetValue(number, out var kept) || kept["kind"].Text() != answered["kind"].Text())
            {
                Violation($"ticket {number} is not in the order as its {Kind(maker)} answered", maker);
                continue;
            }
            var added = kept["lines"]!.AsArray().Where(line => !LineIds(answered).Contains(line!["lineId"].Text())).ToList();
            if (!LineIds(answered).All(LineIds(kept).Contains) || added.Any(line => answered["kind"].Text() == "void" || line!["status"].Text() != "voided"))
                Violation($"ticket {number} is not in the order as its {Kind(maker)} answered: {kept.ToJsonString()}", maker);
        }
        // A ticket may be from a call that got no answer.
        if (exchanges.Any(e => Kind(e) is Operation.Submit or Operation.Fire or Operation.Void && e.OutcomeUnknown)) return;
        foreach (var number in tickets.Keys.Except(makers.Select(m => m.Ticket["number"]!.GetValue<int>())))
            Violation($"ticket {number} of order {order["id"].Text()} was never answered to a submit, fire or void");

        // A submit or fire answers its ticket; a void answers the order, whose last ticket is the void ticket it made.
        static JsonObject AnsweredTicket(Exchange call) => Kind(call) == Operation.Void
            ? call.Response()["tickets"]!.AsArray()[^1]!.AsObject()
            : call.Response()["ticket"]!.AsObject();
    }

    /// <summary>One frozen bill, the same in every answer, equal to the ticket lines at their prices.</summary>
    private void CheckBill(List<Exchange> exchanges, JsonObject order)
    {
        if (order["bill"] is not JsonObject bill)
        {
            Violation($"order {order["id"].Text()} has no bill");
            return;
        }
        if (order["pending"]!.AsArray().Count > 0 || order["held"]!.AsArray().Count > 0)
            Violation($"order {order["id"].Text()} was billed with lines pending or held: {order.ToJsonString()}");
        var expected = Lines(order).Where(line => line["status"].Text() != "voided")
            .GroupBy(line => (menuItemId: line!["menuItemId"].Text(), unitPrice: line["unitPrice"].Money()))
            .Select(g => (g.Key.menuItemId, g.Key.unitPrice, quantity: g.Sum(line => line!["quantity"]!.GetValue<int>())))
            .Select(i => $"{i.menuItemId} {i.quantity} x {i.unitPrice:0.00} = {i.unitPrice * i.quantity:0.00}").Order();
        var billed = bill["items"]!.AsArray()
            .Select(i => $"{i!["menuItemId"].Text()} {i["quantity"]!.GetValue<int>()} x {i["unitPrice"].Money():0.00} = {i["amount"].Money():0.00}").Order();
        if (!expected.SequenceEqual(billed))
            Violation($"the bill of order {order["id"].Text()} is not its tickets: billed [{string.Join("; ", billed)}], sent [{string.Join("; ", expected)}]");
        var subtotal = bill["items"]!.AsArray().Sum(i => i!["amount"].Money());
        if (subtotal != bill["subtotal"].Money() || bill["total"].Money() != subtotal - bill["comps"].Money() - bill["savings"].Money() + bill["tax"].Money()
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

    private static Operation Kind(Exchange exchange) => exchange.Repeats?.Operation ?? exchange.Operation;

    private static Outcome OutcomeOf(IEnumerable<Exchange> attempts)
    {
        var list = attempts.ToList();
        return list.Any(e => e.IsSuccess) ? Outcome.Acknowledged : list.Any(e => e.OutcomeUnknown) ? Outcome.Unknown : Outcome.Refused;
    }

    /// <summary>Every line of an order once: those on its order tickets (voided parts included), pending and held.</summary>
    private static IEnumerable<JsonObject> Lines(JsonObject order) =>
        order["tickets"]!.AsArray().Where(t => t!["kind"]?.GetValue<string>() != "void").SelectMany(t => t!["lines"]!.AsArray())
            .Concat(order["pending"]!.AsArray()).Concat(order["held"]?.AsArray() ?? []).Select(l => l!.AsObject());

    private static string[] LineIds(JsonNode ticket) => ticket["lines"]!.AsArray().Select(l => l!["lineId"].Text()).ToArray();

    private void Violation(string what, params Exchange[] evidence) =>
        _violations.Add(string.Join(Environment.NewLine + "    ", evidence.Take(8).Select(e => e.ToString()).Prepend(what)));
}
