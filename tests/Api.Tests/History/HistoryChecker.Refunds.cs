using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.History;

/// <summary>How an order's refunds must look, however many staff refunded its tenders at once on however many nodes.</summary>
public sealed partial class HistoryChecker
{
    /// <summary>
    /// No tender gives back more than it took (amount and tip; succeeded and pending refunds both hold their amount),
    /// every refund answered 201 is in the order exactly once as it was asked for and answered (an outcome shown final
    /// stays), every refund in the order was asked for by a call, and <c>refunded</c> counts the succeeded ones.
    /// </summary>
    private void CheckRefunds(List<Exchange> exchanges, JsonObject order)
    {
        var calls = exchanges.Where(e => Kind(e) == Operation.Refund).ToArray();
        var refunds = order["refunds"]?.AsArray().Select(r => r!.AsObject()).ToList() ?? [];
        var orderId = order["id"].Text();
        foreach (var tender in order["payments"]!.AsArray().Select(t => t!.AsObject()))
        {
            var taken = tender["status"].Text() == "succeeded" ? tender["amount"].Money() + (tender["tip"]?.GetValue<decimal>() ?? 0) : 0;
            var held = refunds.Where(r => r["tenderId"].Text() == tender["tenderId"].Text() && r["status"].Text() is "succeeded" or "pending")
                .Sum(r => r["amount"].Money());
            if (held > taken)
                Violation($"tender {tender["tenderId"].Text()} of order {orderId} took {taken} and refunds hold {held} of it", calls);
        }
        var succeeded = refunds.Where(r => r["status"].Text() == "succeeded").Sum(r => r["amount"].Money());
        if ((order["refunded"]?.GetValue<decimal>() ?? 0) != succeeded)
            Violation($"order {orderId} shows {order["refunded"]} refunded; its succeeded refunds give back {succeeded}");

        var kept = refunds.GroupBy(r => r["refundId"].Text()).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var duplicate in kept.Where(k => k.Value.Count > 1))
            Violation($"refund {duplicate.Key} is in order {orderId} {duplicate.Value.Count} times");
        var answered = calls.Where(e => e.Repeats is null && e.Status == 201).ToList();
        foreach (var answer in answered)
        {
            var shown = answer.Response();
            var asked = answer.Request();
            if (!kept.TryGetValue(shown["refundId"].Text(), out var rows))
            {
                Violation($"refund {shown["refundId"].Text()} was answered 201 but is not in order {orderId}", answer);
                continue;
            }
            var row = rows[0];
            if (row["tenderId"].Text() != asked["tenderId"].Text() || row["amount"].Money() != asked["amount"].Money()
                || row["reason"].Text() != asked["reason"].Text())
                Violation($"refund {shown["refundId"].Text()} is not what was asked for: {row.ToJsonString()}", answer);
            if (shown["status"].Text() != "pending" && row["status"].Text() != shown["status"].Text())
                Violation($"staff were shown refund {shown["refundId"].Text()} {shown["status"].Text()}; the order keeps it {row["status"].Text()}", answer);
        }
        // A refund in the order that no answer showed may be from a call that got none.
        if (calls.Any(e => e.OutcomeUnknown)) return;
        foreach (var id in kept.Keys.Except(answered.Select(a => a.Response()["refundId"].Text())))
            Violation($"refund {id} of order {orderId} was never answered to a call", calls);
    }
}
