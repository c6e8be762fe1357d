namespace Restaurant.Benchmarks;

/// <summary>
/// A few real paid orders made through the API on a fresh database, which also creates and migrates it. The bulk
/// loader copies their rows, so every seeded row (frozen bill, tickets, tenders) has the shape the API writes.
/// </summary>
public static class TemplateOrders
{
    private static readonly string[] Mains = ["omelet", "pancakes", "burger", "salad", "soup"];
    private static readonly string[] Drinks = ["coffee", "tea", "juice", "soda"];
    private static readonly string[] Extras = ["fries", "cake"];
    private static readonly string[] Diners = ["Ann", "Bob", "Cleo", "Dev"];

    public static async Task CreateAsync(string databasePath, int count, CancellationToken ct)
    {
        await using var api = await ServerProcess.StartApiAsync(databasePath, ct);
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        var client = new ApiClient(http);
        var random = new Random(6);
        for (var i = 0; i < count; i++)
        {
            var order = await client.OpenTableAsync($"template-{i}", ct);
            // About 5 lines in one or two tickets, paid by one to three cards or in cash.
            var tickets = 1 + i % 2;
            for (var ticket = 0; ticket < tickets; ticket++)
            {
                var lines = Enumerable.Range(0, 2 + random.Next(3)).Select(_ => RandomLine(random)).ToList();
                await client.AddAsync(order.Id, order.AccessToken, lines, ct);
                await client.SubmitAsync(order.Id, order.AccessToken, ct);
            }
            var bill = await client.BillAsync(order.Id, order.AccessToken, ct);
            var cash = i % 4 == 3;
            await client.PayAsync(order.Id, cash ? ServerProcess.StaffKey : order.AccessToken, bill.Total,
                cash ? 1 : 1 + i % 3, cash ? "cash" : "card", ct);
        }
    }

    private static NewLine RandomLine(Random random)
    {
        var kind = random.Next(3);
        var items = kind == 0 ? Mains : kind == 1 ? Drinks : Extras;
        var item = items[random.Next(items.Length)];
        // The burger's doneness is a required choice (the default menu's option groups).
        return new NewLine(item, 1 + random.Next(2), Diners[random.Next(Diners.Length)], item == "burger" ? ["medium"] : null);
    }
}
