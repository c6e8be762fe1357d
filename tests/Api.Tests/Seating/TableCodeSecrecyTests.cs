using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Seating;

/// <summary>A table's code opens its order, so no log line (captured at every level) ever holds one.</summary>
public sealed class TableCodeSecrecyTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly RestaurantApi _api;

    public TableCodeSecrecyTests()
    {
        _api = new RestaurantApi { TestServices = services => services.AddSingleton<ILoggerProvider>(_logs) };
        _api.Settings["Logging:LogLevel:Default"] = "Trace";
    }

    [Fact]
    public async Task No_log_line_holds_a_table_code_whether_it_opened_an_order_or_was_refused()
    {
        var table = Tables.Unique("secret");
        var code = await Floor.SetUpAsync(_api, table);
        var wrong = code[..^2] + "zz";
        await (await Floor.OpenOrJoinAsync(_api.Anonymous(), table, wrong)).AssertProblemAsync(HttpStatusCode.Forbidden, "invalid_table_code");
        await (await Floor.OpenOrJoinAsync(_api.Anonymous(), table, code)).ReadOkJsonAsync(HttpStatusCode.Created);
        await (await Floor.OpenOrJoinAsync(_api.Anonymous(), table, code)).ReadOkJsonAsync();
        var rotated = (await (await _api.Staff().PostAsync($"/tables/{table}/code", null)).ReadOkJsonAsync())["code"].Text();
        await (await _api.Staff().GetAsync("/tables")).ReadJsonArrayAsync();

        Assert.True(_logs.Count > 0, "The logs were captured.");
        foreach (var secret in new[] { code, wrong, rotated })
            Assert.DoesNotContain(secret, _logs.Text, StringComparison.Ordinal);
    }

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
