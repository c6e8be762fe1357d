using System.Text.Json;
using System.Text.Json.Nodes;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.History;

/// <summary>How much work the history check drives; every table runs at the same time as every other.</summary>
/// <param name="AdditionsPerDiner">Additions each diner makes while the table orders.</param>
/// <param name="MaxLinesPerAddition">Each addition has 1 to this many lines, each of 1 to <paramref name="MaxQuantity"/> units
/// (an order holds at most 200 units).</param>
/// <param name="RemovalsPerDiner">How many of their own pending lines each diner takes back at most.</param>
/// <param name="SubmitEvery">The waiter sends what is pending each time the diners have made this many more additions.</param>
/// <param name="LateAdditions">Additions that race the bill, per table.</param>
/// <param name="Payers">Phones that pay the whole balance while the diners pay their shares, per table.</param>
/// <param name="WaitOutOutages">Clients repeat a 503 after its Retry-After (<see cref="HistoryRecorder"/>), and phones open
/// or join a table with an Idempotency-Key, so that a repeat cannot open a second order; the checker then allows 503s.</param>
/// <param name="Voids">Units a manager voids per table while it orders (issue 14), racing submits, fires and additions; with
/// voids the waiter also holds desserts back and fires them.</param>
public sealed record WorkloadOptions(
    int Tables, int DinersPerTable, int AdditionsPerDiner, int MaxLinesPerAddition, int MaxQuantity, int RemovalsPerDiner,
    int SubmitEvery, int LateAdditions, int Payers, int Seed, bool WaitOutOutages = false, int Voids = 0)
{
    /// <summary>Issue #5's workload: 20 tables of 6 diners; with issue 14's held desserts, fires and voids.</summary>
    public static WorkloadOptions Standard(int seed) => new(20, 6, 4, 2, 2, 1, 5, 3, 1, seed, Voids: 4);

    /// <summary>Issue #5's hot table: 32 diners adding to one order at once, single units to stay within 200.</summary>
    public static WorkloadOptions HotTable(int seed) => new(1, 32, 5, 1, 1, 0, 8, 3, 1, seed);

    /// <summary>Issue #20's workload, through database outages: 12 tables of 4 diners whose phones wait outages out.</summary>
    public static WorkloadOptions ThroughOutages(int seed) => new(12, 4, 5, 2, 2, 1, 4, 2, 1, seed, WaitOutOutages: true);
}

/// <summary>
/// Drives tables through their whole life across the nodes, each request to a random node: staff set the table up,
/// every diner's phone opens or joins its order at once with the table's code, diners add and take back lines while a
/// waiter submits, holds desserts and fires them, and a manager voids units of sent lines; the bill races late
/// additions, the diners pay their own shares at once (declined cards and cards whose outcome the gateway leaves unknown
/// among them) while phones pay the whole balance, a phone that still shows the whole bill pays it after a part was
/// paid, and the rest is paid until the order settles. Some requests are repeated with their Idempotency-Key on another
/// node. Everything goes through the recorder; the workload itself asserts nothing, so a wrong answer is judged by
/// <see cref="HistoryChecker"/> with the whole history.
/// </summary>
public sealed class Workload(HistoryRecorder recorder, WorkloadOptions options)
{
    private const int MaxBillRounds = 5;
    /// <summary>Cards the diners pay with; the gateway may leave an amex's outcome unknown (HistoryTests queue those faults).</summary>
    private static readonly string[] ShareCards =
        ["pm_card_visa", "pm_card_visa", "pm_card_mastercard", "pm_card_amex", "pm_card_visa_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds"];

    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, options.Tables).Select(table => Task.Run(() => RunTableAsync(table))));

    private async Task RunTableAsync(int index)
    {
        var random = new Random(options.Seed + index);
        var table = Tables.Unique($"h{index}");
        var setUp = await recorder.SendAsync(Operation.SetUpTable, table, RandomNode(random), HttpMethod.Put, $"/tables/{table}",
            RestaurantApi.StaffKey, "{}");
        if (!setUp.IsSuccess) throw new InvalidOperationException($"Could not set a table up: {setUp}");
        var run = await SeatDinersAsync(table, setUp.Response()["code"].Text(), random);

        using var additions = new SemaphoreSlim(0);
        using var dinersDone = new CancellationTokenSource();
        var waiter = Task.Run(() => WaitOnTableAsync(run, new Random(random.Next()), additions, dinersDone.Token));
        var manager = Task.Run(() => VoidWhileOrderingAsync(run, new Random(random.Next()), dinersDone.Token));
        await Task.WhenAll(Enumerable.Range(0, options.DinersPerTable)
            .Select(diner => (diner, seed: random.Next()))
            .Select(d => Task.Run(() => DineAsync(run, d.diner, new Random(d.seed), additions))));
        await dinersDone.CancelAsync();
        await waiter;
        await manager;

        var bill = await BillRacingLateAdditionsAsync(run, random);
        await PaySharesRacingWholeBalancesAsync(run, bill, random);
        await PayStaleWholeBillAsync(run, bill, random);
        await SettleAsync(run, random);
    }

    /// <summary>Every diner's phone scans the code at once, each on a random node: one opens the order, the others join it.</summary>
    private async Task<TableRun> SeatDinersAsync(string table, string code, Random random)
    {
        var phones = await Task.WhenAll(Enumerable.Range(0, options.DinersPerTable).Select(diner => (diner, node: RandomNode(random)))
            .Select(phone => Task.Run(() => recorder.SendAsync(Operation.OpenOrder, table, phone.node, HttpMethod.Post, "/orders", null,
                Json(new { table, code, diner = $"diner-{phone.diner}" }), options.WaitOutOutages ? $"{table}-open-{phone.diner}" : null))));
        var seated = phones.Where(p => p.IsSuccess).ToList();
        if (seated.Count != phones.Length) throw new InvalidOperationException($"A phone could not open or join table {table}: {phones.First(p => !p.IsSuccess)}");
        return new TableRun(table, seated[0].Response()["id"].Text(), phones.Select(p => p.Response()["accessToken"].Text()).ToArray());
    }

    private async Task DineAsync(TableRun run, int diner, Random random, SemaphoreSlim additions)
    {
        var name = $"diner-{diner}";
        var removalsLeft = options.RemovalsPerDiner;
        for (var addition = 0; addition < options.AdditionsPerDiner; addition++)
        {
            var lines = Enumerable.Range(0, random.Next(1, options.MaxLinesPerAddition + 1))
                .Select(line => (line, menuItemId: OrderHistory.Menu[random.Next(OrderHistory.Menu.Length)]))
                .Select(x => new
                {
                    x.menuItemId,
                    quantity = random.Next(1, options.MaxQuantity + 1),
                    diner = name,
                    note = $"{run.Table}/d{diner}/a{addition}/{x.line}",
                    options = OrderHistory.RequiredOptions(x.menuItemId),
                }).ToArray();
            var added = await SendWithRetryAsync(Operation.Add, run, run.Tokens[diner], $"/orders/{run.OrderId}/items",
                Json(new { add = lines }), random, $"{run.Table}-d{diner}-a{addition}");
            additions.Release();
            if (removalsLeft == 0 || added.Status != 200 || random.Next(2) == 0) continue;
            // Take back one of my own lines the answer shows pending; the waiter may send it to the kitchen first.
            var mine = added.Response()["pending"]!.AsArray().Where(line => line!["diner"]?.GetValue<string>() == name).ToList();
            if (mine.Count == 0) continue;
            removalsLeft--;
            var lineId = mine[random.Next(mine.Count)]!["lineId"].Text();
            await SendWithRetryAsync(Operation.Remove, run, run.Tokens[diner], $"/orders/{run.OrderId}/items",
                Json(new { remove = new[] { lineId } }), random, $"{run.Table}-d{diner}-r{removalsLeft}");
        }
    }

    private async Task WaitOnTableAsync(TableRun run, Random random, SemaphoreSlim additions, CancellationToken dinersDone)
    {
        try
        {
            for (var round = 0; ; round++)
            {
                for (var seen = 0; seen < options.SubmitEvery; seen++) await additions.WaitAsync(dinersDone);
                await SubmitAsync(run, random);
                if (options.Voids == 0) continue;
                // Every other round the waiter holds a dessert back, and fires what is held in the round after.
                if (round % 2 == 0) await HoldDessertAsync(run, round, random);
                else await FireAsync(run, random);
            }
        }
        catch (OperationCanceledException)
        {
            // The diners are done; the closing submit is the bill's.
        }
    }

    private async Task HoldDessertAsync(TableRun run, int round, Random random)
    {
        var body = Json(new { add = new[] { new { menuItemId = "cake", quantity = 1, diner = "waiter", note = $"{run.Table}/held{round}", hold = true } } });
        await recorder.SendAsync(Operation.HoldAdd, run.Table, RandomNode(random), HttpMethod.Post, $"/orders/{run.OrderId}/items",
            RestaurantApi.StaffKey, body);
    }

    private async Task FireAsync(TableRun run, Random random)
    {
        var fired = await recorder.SendAsync(Operation.Fire, run.Table, RandomNode(random), HttpMethod.Post, $"/orders/{run.OrderId}/fire",
            RestaurantApi.StaffKey, "{}");
        if (fired.Status == 201) run.Sent(fired.Response()["ticket"]!);
    }

    /// <summary>
    /// A manager voids single units of lines the kitchen has (as the answers of submits and fires listed them), at random
    /// moments while the diners order; one void in three carries an Idempotency-Key and is repeated on another node.
    /// </summary>
    private async Task VoidWhileOrderingAsync(TableRun run, Random random, CancellationToken dinersDone)
    {
        for (var done = 0; done < options.Voids && !dinersDone.IsCancellationRequested;)
        {
            await Task.Delay(random.Next(5, 40), CancellationToken.None);
            if (run.SentLine(random) is not { } lineId) continue;
            var body = Json(new { lines = new[] { new { lineId, quantity = 1 } }, reason = $"void {done}" });
            var withKey = random.Next(3) == 0;
            var first = await recorder.SendAsync(Operation.Void, run.Table, RandomNode(random), HttpMethod.Post, $"/orders/{run.OrderId}/void",
                RestaurantApi.StaffKey, body, withKey ? $"{run.Table}-void{done}" : null);
            if (withKey && first.IsSuccess) await recorder.RepeatAsync(first, OtherNode(first.Node, random));
            done++;
        }
    }

    /// <summary>
    /// Submits, then two bills on two nodes race the late additions. An addition that commits first leaves a pending
    /// line, so the bill says pending_items: then the waiter submits and bills again, as a real one would.
    /// </summary>
    private async Task<Exchange> BillRacingLateAdditionsAsync(TableRun run, Random random)
    {
        for (var round = 0; round < MaxBillRounds; round++)
        {
            await SubmitAsync(run, random);
            if (options.Voids > 0) await FireAsync(run, random);
            var firstNode = RandomNode(random);
            var racers = new List<Task<Exchange>> { Bill(firstNode), Bill(OtherNode(firstNode, random)) };
            if (round == 0) racers.AddRange(Enumerable.Range(0, options.LateAdditions).Select(late => LateAddition(late, random.Next())));
            var bill = (await Task.WhenAll(racers)).FirstOrDefault(e => e.Operation == Operation.Bill && e.Status == 200);
            if (bill is not null) return bill;
        }
        throw new InvalidOperationException($"Table {run.Table} was not billed in {MaxBillRounds} rounds");

        Task<Exchange> Bill(int node) =>
            recorder.SendAsync(Operation.Bill, run.Table, node, HttpMethod.Post, $"/orders/{run.OrderId}/bill", RestaurantApi.StaffKey);

        Task<Exchange> LateAddition(int late, int seed) => SendWithRetryAsync(Operation.LateAdd, run, run.Tokens[late % run.Tokens.Length], $"/orders/{run.OrderId}/items",
            Json(new { add = new[] { new { menuItemId = "coffee", quantity = 1, diner = $"late-{late}", note = $"{run.Table}/late{late}" } } }),
            new Random(seed), $"{run.Table}-late{late}");
    }

    /// <summary>
    /// Each share of the bill is paid by a diner's phone, all at once and each on a random node, with the card that
    /// diner happens to have; at the same time other phones pay the whole balance. However they interleave, the order
    /// must never take more than its bill.
    /// </summary>
    private async Task PaySharesRacingWholeBalancesAsync(TableRun run, Exchange bill, Random random)
    {
        var shares = bill.Response()["shares"]!.AsArray().Select(s => (diner: s!["diner"]?.GetValue<string>(), amount: s["amount"].Money()))
            .Where(s => s.amount > 0).ToList();
        var total = bill.Response()["balance"].Money();
        var payments = shares.Select((share, i) => (operation: Operation.Pay, token: run.Tokens[i % run.Tokens.Length], share.amount, share.diner,
                card: ShareCards[random.Next(ShareCards.Length)], key: $"{run.Table}-share{i}"))
            .Concat(Enumerable.Range(0, options.Payers).Select(payer => (operation: Operation.Pay, token: run.Tokens[payer % run.Tokens.Length],
                amount: total, diner: (string?)null, card: "pm_card_visa", key: $"{run.Table}-whole{payer}")))
            .Select(p => (p, node: RandomNode(random), seed: random.Next()))
            .Select(p => Task.Run(() => SendWithRetryAsync(p.p.operation, run, p.p.token, $"/payments/{run.OrderId}",
                PaymentBody(run, p.p.amount, p.p.card, p.p.diner), new Random(p.seed), p.p.key)))
            .ToList();
        await Task.WhenAll(payments);
    }

    /// <summary>A phone that still shows the whole bill pays it, once an answer has shown that a part was paid: refused.</summary>
    private async Task PayStaleWholeBillAsync(TableRun run, Exchange bill, Random random)
    {
        var partPaid = recorder.Exchanges.Any(e => e.Table == run.Table && e.Operation == Operation.Pay && e.IsSuccess && e.Response()["paid"].Money() > 0);
        if (!partPaid) return;
        var total = bill.Response()["total"].Money();
        await recorder.SendAsync(Operation.StalePay, run.Table, RandomNode(random), HttpMethod.Post, $"/payments/{run.OrderId}",
            run.Tokens[random.Next(run.Tokens.Length)], PaymentBody(run, total, "pm_card_visa", null));
    }

    /// <summary>
    /// What is left is paid until the order settles: cards whose outcome was unknown are waited for (the reconciler asks
    /// the gateway again), declined shares are paid again.
    /// </summary>
    private async Task SettleAsync(TableRun run, Random random)
    {
        var deadline = DateTimeOffset.UtcNow + SettleTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var read = await recorder.SendAsync(Operation.ReadBalance, run.Table, RandomNode(random), HttpMethod.Get, $"/orders/{run.OrderId}",
                RestaurantApi.StaffKey);
            if (read.Status != 200)
            {
                await Task.Delay(100);
                continue;
            }
            var order = read.Response();
            if (order["status"].Text() == "paid") return;
            var pending = order["payments"]!.AsArray().Where(t => t!["status"].Text() == "pending").Sum(t => t!["amount"].Money());
            var available = order["balance"].Money() - pending;
            if (available <= 0)
            {
                await Task.Delay(100);
                continue;
            }
            await recorder.SendAsync(Operation.Pay, run.Table, RandomNode(random), HttpMethod.Post, $"/payments/{run.OrderId}",
                run.Tokens[random.Next(run.Tokens.Length)], PaymentBody(run, available, "pm_card_mastercard", null));
        }
        throw new InvalidOperationException($"Table {run.Table} was not paid within {SettleTimeout}");
    }

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    private static string PaymentBody(TableRun run, decimal amount, string card, string? diner) => Json(new
    {
        orderId = run.OrderId,
        total = amount,
        payments = new[] { new { amount, paymentMethod = "credit_card", cardToken = card, diner } },
    });

    private async Task SubmitAsync(TableRun run, Random random)
    {
        var submitted = await recorder.SendAsync(Operation.Submit, run.Table, RandomNode(random), HttpMethod.Post,
            $"/orders/{run.OrderId}/submit", RestaurantApi.StaffKey);
        if (submitted.Status == 201) run.Sent(submitted.Response()["ticket"]!);
    }

    /// <summary>A diner's request; one in three carries an Idempotency-Key and, once answered 2xx, is repeated on another node.</summary>
    private async Task<Exchange> SendWithRetryAsync(Operation operation, TableRun run, string token, string path, string body, Random random, string key)
    {
        var withKey = random.Next(3) == 0;
        var first = await recorder.SendAsync(operation, run.Table, RandomNode(random), HttpMethod.Post, path, token, body,
            withKey ? key : null);
        // A failed request is not remembered under its key (docs/api.md), so only a success has a first response to replay.
        if (withKey && first.IsSuccess) await recorder.RepeatAsync(first, OtherNode(first.Node, random));
        return first;
    }

    private int RandomNode(Random random) => random.Next(recorder.NodeCount);

    private int OtherNode(int node, Random random) =>
        recorder.NodeCount == 1 ? node : (node + 1 + random.Next(recorder.NodeCount - 1)) % recorder.NodeCount;

    private static string Json(object body) => JsonSerializer.Serialize(body, HttpAssertions.Web);

    /// <param name="Tokens">Each diner's own token, by diner.</param>
    private sealed record TableRun(string Table, string OrderId, string[] Tokens)
    {
        private readonly List<string> _sent = [];

        /// <summary>Remembers the lines a submit or fire answered as sent, for the manager to void.</summary>
        public void Sent(JsonNode ticket)
        {
            lock (_sent) _sent.AddRange(ticket["lines"]!.AsArray().Select(line => line!["lineId"].Text()));
        }

        public string? SentLine(Random random)
        {
            lock (_sent) return _sent.Count == 0 ? null : _sent[random.Next(_sent.Count)];
        }
    }
}
