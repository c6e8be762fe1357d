using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Tests.Support;
using Restaurant.Domain;

namespace Restaurant.Api.Tests;

/// <summary>
/// Every domain code a client can cause has its own answer; a code only the server's own bugs can cause (an invariant
/// such as unknown_tender) is a 500 that is logged, never a client error.
/// </summary>
public sealed class DomainRefusalTests : IAsyncLifetime
{
    private static readonly string[] ServerInvariants =
        [DomainErrors.UnknownTender, DomainErrors.TenderSettled, DomainErrors.BillOutdated, DomainErrors.UnknownTicket,
            DomainErrors.UnknownRefund, DomainErrors.RefundSettled];

    private readonly CapturedLogs _logs = new();
    private readonly RestaurantApi _api;

    public DomainRefusalTests() => _api = new RestaurantApi
    {
        TestServices = services => services
            .AddSingleton<ILoggerProvider>(_logs)
            .AddSingleton<BillPricer>(new RefusingBillPricer(DomainErrors.BillOutdated)),
    };

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public static TheoryData<string> DomainCodes() =>
        new(typeof(DomainErrors).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(DomainCodes))]
    public void Every_domain_code_but_the_servers_own_invariants_has_an_answer_for_the_client(string code)
    {
        var answer = ProblemCodes.ForDomainError(code);

        if (ServerInvariants.Contains(code)) Assert.Null(answer);
        else Assert.True(answer is { Status: >= 400 and < 500 }, $"{code} has no 4xx answer");
    }

    [Fact]
    public async Task A_refusal_with_a_servers_own_invariant_code_is_a_logged_500()
    {
        var session = await TableSession.OpenAsync(_api, Tables.Unique("invar"));
        await session.AddAsync(TableSession.Item("tea"));
        await session.SubmitAsync();

        var response = await session.BillAsync();

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        Assert.Contains($"Error {typeof(ApiExceptionHandler).FullName}", _logs.Text);
        Assert.Equal("open", (await session.GetAsync())["status"].Text());
    }
}
