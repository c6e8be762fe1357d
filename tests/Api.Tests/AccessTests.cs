using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>401 when the caller is not known, 403 when a known caller may not do this.</summary>
public sealed class AccessTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    public static TheoryData<string, string> OrderEndpoints => new()
    {
        { "GET", "" },
        { "POST", "/items" },
        { "POST", "/submit" },
        { "POST", "/bill" },
    };

    [Theory]
    [MemberData(nameof(OrderEndpoints))]
    public async Task Order_endpoints_need_a_token(string method, string suffix)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("none"));

        var response = await SendAsync(fixture.Api.Anonymous(), method, $"/orders/{session.OrderId}{suffix}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [MemberData(nameof(OrderEndpoints))]
    public async Task Order_endpoints_refuse_an_unknown_token_with_401(string method, string suffix)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("garbage"));

        foreach (var client in new[] { fixture.Api.WithToken("not-a-token"), fixture.Api.WithToken(session.Token + "x"), Basic(session.Token) })
        {
            var response = await SendAsync(client, method, $"/orders/{session.OrderId}{suffix}");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        Assert.Empty((await session.GetAsync())["pending"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(OrderEndpoints))]
    public async Task Another_orders_token_is_403(string method, string suffix)
    {
        var target = await TableSession.OpenAsync(fixture.Api, Tables.Unique("target"));
        var intruder = await TableSession.OpenAsync(fixture.Api, Tables.Unique("intrude"));

        var response = await SendAsync(intruder.Client, method, $"/orders/{target.OrderId}{suffix}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var order = await target.GetAsync();
        Assert.Empty(order["pending"]!.AsArray());
        Assert.Equal("open", order["status"].Text());
    }

    [Theory]
    [MemberData(nameof(OrderEndpoints))]
    public async Task The_owner_and_staff_may_call_order_endpoints(string method, string suffix)
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("owner"));
        await session.AddAsync(TableSession.Item("tea"));
        await session.SubmitAsync();

        foreach (var client in new[] { session.Client, fixture.Api.Staff() })
        {
            var response = await SendAsync(client, method, $"/orders/{session.OrderId}{suffix}");
            Assert.True(response.IsSuccessStatusCode, $"{method} {suffix}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_diner_token_for_an_order_that_does_not_exist_is_403_and_staff_get_404()
    {
        var session = await TableSession.OpenAsync(fixture.Api, Tables.Unique("ghost"));

        await (await session.Client.GetAsync("/orders/no-such-order")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await fixture.Api.Staff().GetAsync("/orders/no-such-order")).AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    [Theory]
    [InlineData("/orders")]
    [InlineData("/orders?status=open")]
    [InlineData("/kitchen/tickets")]
    public async Task Staff_only_endpoints_answer_401_or_403_by_who_asks(string path)
    {
        var diner = await TableSession.OpenAsync(fixture.Api, Tables.Unique("staff1"));

        await (await fixture.Api.Anonymous().GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await fixture.Api.WithToken("not-a-token").GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await fixture.Api.WithToken(RestaurantApi.StaffKey.ToUpperInvariant()).GetAsync(path))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await diner.Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Staff().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_development_staff_key_is_not_accepted_when_a_key_is_configured()
    {
        var response = await fixture.Api.WithToken("dev-staff-key").GetAsync("/orders");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("/menu")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Public_reads_need_no_token_and_ignore_a_bad_one(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Anonymous().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.WithToken("not-a-token").GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Anyone_with_the_tables_code_may_open_an_order_and_staff_need_none()
    {
        var table = Tables.Unique("anon");
        var anonymous = await fixture.Api.Anonymous().PostAsJsonAsync("/orders", new { table, code = await Floor.SetUpAsync(fixture.Api, table) });
        var staffTable = Tables.Unique("staff");
        await Floor.SetUpAsync(fixture.Api, staffTable);
        var staff = await fixture.Api.Staff().PostAsJsonAsync("/orders", new { table = staffTable });

        Assert.Equal(HttpStatusCode.Created, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, staff.StatusCode);
    }

    [Fact]
    public async Task Nobody_opens_an_order_without_the_tables_code()
    {
        var table = Tables.Unique("nocode");
        await Floor.SetUpAsync(fixture.Api, table);
        var someoneElses = await TableSession.OpenAsync(fixture.Api, Tables.Unique("other"));

        foreach (var client in new[] { fixture.Api.Anonymous(), fixture.Api.WithToken("not-a-token"), someoneElses.Client })
            await (await client.PostAsJsonAsync("/orders", new { table })).AssertProblemAsync(HttpStatusCode.Forbidden, "invalid_table_code");
        var tables = await (await fixture.Api.Staff().GetAsync("/tables")).ReadJsonArrayAsync();
        Assert.Null(tables.Single(t => t!["id"].Text() == table)!["order"]);
    }

    [Theory]
    [InlineData("GET", "/tables")]
    [InlineData("PUT", "/tables/T-access")]
    [InlineData("POST", "/tables/1/code")]
    [InlineData("DELETE", "/tables/1")]
    [InlineData("POST", "/orders/{id}/cancel")]
    public async Task Table_changes_and_cancelling_are_for_staff_only(string method, string path)
    {
        var diner = await TableSession.OpenAsync(fixture.Api, Tables.Unique("notstaf"));
        var request = () => new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", diner.OrderId))
        {
            Content = method == "PUT" ? JsonContent.Create(new { seats = 2 }) : null,
        };

        await (await fixture.Api.Anonymous().SendAsync(request())).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await diner.Client.SendAsync(request())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("open", (await diner.GetAsync())["status"].Text());
    }

    private HttpClient Basic(string token)
    {
        var client = fixture.Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        return client;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) => method switch
    {
        "GET" => client.GetAsync(path),
        _ when path.EndsWith("/items", StringComparison.Ordinal) => client.PostAsJsonAsync(path, new { add = new[] { TableSession.Item("coffee") } }),
        _ => client.PostAsync(path, null),
    };
}
