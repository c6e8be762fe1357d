using System.Net;
using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Seating;

/// <summary>Phones of one table that reach two API nodes of one database still make one order.</summary>
public sealed class JoiningOnTwoNodesTests(TwoNodeFixture nodes) : IClassFixture<TwoNodeFixture>
{
    [Fact]
    public async Task Twenty_phones_scanning_the_code_at_once_on_two_nodes_make_one_order()
    {
        for (var round = 0; round < 3; round++)
        {
            var table = Tables.Unique("twonode");
            var code = await Floor.SetUpAsync(nodes.A, table);

            var answers = await Floor.ScanAtOnceAsync(phone => (phone % 2 == 0 ? nodes.A : nodes.B).Anonymous(), table, code, 20);

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)a.StatusCode}"));
            var seated = await Task.WhenAll(answers.Select(a => a.ReadJsonAsync()));
            var orderId = Assert.Single(seated.Select(s => s["id"].Text()).Distinct());
            var open = await (await nodes.B.Staff().GetAsync("/orders?status=open&limit=500")).ReadJsonArrayAsync();
            Assert.Single(open, o => o!["table"].Text() == table);
            foreach (var token in seated.Select(s => s["accessToken"].Text()))
                Assert.Equal(HttpStatusCode.OK, (await nodes.B.WithToken(token).GetAsync($"/orders/{orderId}")).StatusCode);
        }
    }
}
