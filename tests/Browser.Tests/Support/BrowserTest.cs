namespace Restaurant.Browser.Tests.Support;

/// <summary>
/// A test of the browser collection (one server, one Chromium): the browsers it opens are closed when it ends
/// (<see cref="BrowserFixture.CloseBrowsersAsync"/>), so that no later test shares the machine with its pages.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    protected BrowserFixture Browser { get; } = browser;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Browser.CloseBrowsersAsync();
}
