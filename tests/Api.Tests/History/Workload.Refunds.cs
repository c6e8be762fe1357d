using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.History;

/// <summary>Issue #16's racing refunds: several staff, each on another node, give back parts of one tender at once.</summary>
public sealed partial class Workload
{
    /// <summary>
    /// Once the table is paid, for up to two of its succeeded tenders, <see cref="WorkloadOptions.RefundRaces"/> staff each
    /// refund a third to three fifths of what the tender took (tip included) at the same moment, each on another node, so
    /// that together they ask for more than it took; one in two carries an Idempotency-Key and, once answered, is
    /// repeated on yet another node.
    /// </summary>
    private async Task RaceRefundsAsync(TableRun run, Random random)
    {
        var read = await recorder.SendAsync(Operation.ReadBalance, run.Table, RandomNode(random), HttpMethod.Get, $"/orders/{run.OrderId}",
            RestaurantApi.StaffKey);
        if (read.Status != 200) return; // the checker reports the answer
        var tenders = read.Response()["payments"]!.AsArray().Select(t => t!.AsObject()).Where(t => t["status"].Text() == "succeeded")
            .OrderBy(_ => random.Next()).Take(2).ToList();
        foreach (var (tender, index) in tenders.Select((t, i) => (t, i)))
        {
            var taken = tender["amount"].Money() + (tender["tip"]?.GetValue<decimal>() ?? 0);
            var firstNode = RandomNode(random);
            var racers = Enumerable.Range(0, options.RefundRaces)
                .Select(racer => (racer, node: (firstNode + racer) % recorder.NodeCount, seed: random.Next(),
                    amount: Math.Max(0.01m, decimal.Round(taken * random.Next(33, 61) / 100m, 2))))
                .Select(r => Task.Run(() => RefundAsync(run, new Random(r.seed), r.node, Json(new
                {
                    tenderId = tender["tenderId"].Text(),
                    amount = r.amount,
                    reason = $"{run.Table}/refund{index}/{r.racer}",
                }), $"{run.Table}-refund{index}-{r.racer}")))
                .ToList();
            await Task.WhenAll(racers);
        }
    }

    private async Task RefundAsync(TableRun run, Random random, int node, string body, string key)
    {
        var withKey = random.Next(2) == 0;
        var first = await recorder.SendAsync(Operation.Refund, run.Table, node, HttpMethod.Post, $"/payments/{run.OrderId}/refunds",
            RestaurantApi.StaffKey, body, withKey ? key : null);
        if (withKey && first.IsSuccess) await recorder.RepeatAsync(first, OtherNode(first.Node, random));
    }
}
