using Restaurant.Api.Tests.Support;
using static Restaurant.Api.Tests.Support.TableSession;

namespace Restaurant.Api.Tests.Outage;

/// <summary>
/// The database fails during a commit: the server cannot know whether it committed, so it says so (503, outcome
/// unknown) and never repeats the change itself. The client repeats it with its Idempotency-Key, which applies it
/// if it was not, and replays the first answer if it was: either way the change is there exactly once.
/// </summary>
public sealed class CommitOutcomeTests : IAsyncLifetime
{
    private readonly FailingCommits _commits = new();
    private readonly RestaurantApi _api;

    public CommitOutcomeTests() => _api = new RestaurantApi { TestServices = _commits.AddTo };

    [Theory]
    [InlineData(CommitFault.BeforeCommit)]
    [InlineData(CommitFault.AfterCommit)]
    public async Task A_change_whose_commit_failed_is_a_503_of_unknown_outcome_and_its_repeat_with_the_key_applies_it_once(CommitFault fault)
    {
        var session = await OpenAsync(_api, Tables.Unique("commit"));
        var body = """{"add":[{"menuItemId":"cake","quantity":1,"note":"once"}]}""";

        _commits.Arm(fault);
        await (await session.Client.PostRawAsync($"/orders/{session.OrderId}/items", body, "commit-key")).AssertUnavailableAsync("unknown");
        var repeated = await (await session.Client.PostRawAsync($"/orders/{session.OrderId}/items", body, "commit-key")).ReadOkJsonAsync();

        Assert.Single(repeated["pending"]!.AsArray(), line => line!["note"].Text() == "once");
        Assert.Single((await session.GetAsync())["pending"]!.AsArray(), line => line!["note"].Text() == "once");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
