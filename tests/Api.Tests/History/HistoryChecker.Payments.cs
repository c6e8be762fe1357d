using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.History;

/// <summary>How an order's payments must look, however many diners paid it at once and whatever the gateway answered.</summary>
public sealed partial class HistoryChecker
{
    /// <summary>
    /// The bill paid exactly: never more than it (every answer, and the end), settled exactly when the balance reached
    /// zero, no succeeded charge lost and no decline turned into money, each share showing what its diner's tenders
    /// paid, and every refusal justified by the balance and pending amounts it reports.
    /// </summary>
    private void CheckPayments(List<Exchange> exchanges, JsonObject order)
    {
        var payments = exchanges.Where(e => Kind(e) is Operation.Pay or Operation.StalePay).ToArray();
        var total = order["bill"]?["total"].Money() ?? 0;
        var tenders = order["payments"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var succeeded = tenders.Where(t => t["status"].Text() == "succeeded").ToList();
        if (order["status"].Text() != "paid" || order["paymentStatus"].Text() != "paid" || order["balance"]?.GetValue<decimal>() != 0
            || succeeded.Sum(t => t["amount"].Money()) != total || tenders.Any(t => t["status"].Text() is not ("succeeded" or "declined")))
            Violation($"order {order["id"].Text()} is not paid exactly: {order["status"]}, balance {order["balance"]}, " +
                $"tenders {order["payments"]!.ToJsonString()}", payments);

        if (order["bill"] is JsonObject bill)
            foreach (var share in bill["shares"]!.AsArray())
            {
                var diner = share!["diner"]?.GetValue<string>();
                var paidByDiner = succeeded.Where(t => t["diner"]?.GetValue<string>() == diner).Sum(t => t["amount"].Money());
                if (share["paid"].Money() != paidByDiner)
                    Violation($"the share of {diner ?? "(no diner)"} in order {order["id"].Text()} shows {share["paid"]} paid, its tenders paid {paidByDiner}");
            }

        var byId = tenders.ToDictionary(t => t["tenderId"].Text());
        // A tender that names no diner is the share of the diner whose phone paid it.
        var dinerByToken = exchanges.Where(e => e.Operation == Operation.OpenOrder && e.IsSuccess)
            .ToDictionary(e => e.Response()["accessToken"].Text(), e => e.Request()["diner"]?.GetValue<string>());
        foreach (var answer in payments.Where(p => p.Status == 200 && p.Repeats is null))
            CheckPaymentAnswer(answer, total, byId, dinerByToken.GetValueOrDefault(answer.Token ?? ""));
        foreach (var refusal in payments.Where(p => p.ProblemCode == "total_exceeds_balance"))
            CheckRefusal(refusal, total);
    }

    private void CheckPaymentAnswer(Exchange answer, decimal total, Dictionary<string, JsonObject> finalTenders, string? payingDiner)
    {
        var result = answer.Response();
        var (paid, balance) = (result["paid"].Money(), result["balance"].Money());
        if (paid > total || paid + balance != total || (result["status"].Text() == "paid") != (balance == 0))
            Violation($"a payment answer does not add up on a bill of {total}", answer);
        var asked = answer.Request()["payments"]!.AsArray();
        foreach (var shown in result["results"]!.AsArray().Select(r => r!.AsObject()))
        {
            if (!finalTenders.TryGetValue(shown["tenderId"].Text(), out var kept))
            {
                Violation($"tender {shown["tenderId"].Text()} of a payment answer is not in the order", answer);
                continue;
            }
            var status = shown["status"].Text();
            // A pending card may settle either way; an outcome shown to a diner is final.
            if (status != "pending" && (kept["status"].Text() != status || kept["paymentId"]?.GetValue<string>() != shown["paymentId"]?.GetValue<string>()))
                Violation($"a diner was shown tender {shown["tenderId"].Text()} {status}; the order keeps it {kept["status"].Text()}", answer);
            var request = asked[shown["index"]!.GetValue<int>()]!;
            var diner = request["diner"]?.GetValue<string>() ?? payingDiner;
            if (kept["amount"].Money() != request["amount"].Money() || kept["diner"]?.GetValue<string>() != diner)
                Violation($"tender {shown["tenderId"].Text()} is not what was asked for: {kept.ToJsonString()}", answer);
        }
    }

    /// <summary>A refused payment asked for more than the balance less what pending cards hold back, as the refusal says.</summary>
    private void CheckRefusal(Exchange refusal, decimal total)
    {
        var problem = refusal.Response();
        var (balance, pending) = (problem["balance"]?.GetValue<decimal>(), problem["pending"]?.GetValue<decimal>());
        var asked = refusal.Request()["total"].Money();
        if (balance is not { } b || pending is not { } p || b > total || p < 0 || p > b || asked <= b - p)
            Violation($"a refusal to pay {asked} of a bill of {total} is not justified by what it reports", refusal);
    }
}
