using Microsoft.Playwright;

namespace Restaurant.Browser.Tests.Support;

/// <summary>
/// One API server and one headless Chromium for all the browser tests. Playwright's own browser download does not
/// work everywhere, so the tests drive the system's Chromium (Debian's package: .ci/run installs it), or the one
/// named by RESTAURANT_CHROMIUM.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 780 };
    public static readonly ViewportSize Tablet = new() { Width = 1024, Height = 768 };

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ApiServer? _api;

    public ApiServer Api => _api ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        // The machines that run this are busy: wait for the pages a little longer than Playwright's five seconds.
        Assertions.SetDefaultExpectTimeout(20_000);
        _api = await ApiServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RESTAURANT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // Every page is a browser context of its own, which cannot use the renderer Chromium keeps spare for the
                // next page: without it, a run starts about a third fewer renderer processes (58 instead of 87).
                "--disable-features=SpareRendererForSitePerProcess,BackForwardCache,Translate,OptimizationHints,MediaRouter",
            ],
        });
    }

    /// <summary>
    /// A browser of its own (storage, cookies), like a second phone: a page of it at this size, on the API's address or
    /// on <paramref name="address"/> (a <see cref="LoopbackRelay"/> in front of it).
    /// </summary>
    public async Task<IPage> OpenAsync(ViewportSize size, Uri? address = null)
    {
        var context = await (_browser ?? throw new InvalidOperationException("not started")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = size,
            BaseURL = (address ?? Api.Address).ToString(),
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") ConsoleErrors.Enqueue(message.Text);
        };
        return page;
    }

    /// <summary>
    /// Closes every browser opened so far; each test calls it when it ends (the tests of the collection run one at a
    /// time). A page left open keeps its event stream and its polls going, and renders every change, through all the
    /// later tests.
    /// </summary>
    public async Task CloseBrowsersAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        _contexts.Clear();
    }

    /// <summary>Errors the pages wrote to the console (a script error, a blocked resource, a CSP violation).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ConsoleErrors { get; } = new();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_api is not null) await _api.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
