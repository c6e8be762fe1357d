using Microsoft.Playwright;

namespace Restaurant.Browser.Tests.Support;

/// <summary>
/// The README's pictures of the pages: with RESTAURANT_SCREENSHOTS set (a folder, relative to the repository), a test
/// keeps what a page shows at phone and at tablet size there (`{name}-phone.png`, `{name}-tablet.png`). Unset, nothing
/// is written.
/// </summary>
public static class Screenshots
{
    public static async Task KeepAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("RESTAURANT_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        folder = Path.Combine(Repository.Root, folder);
        Directory.CreateDirectory(folder);
        var size = page.ViewportSize;
        foreach (var (label, viewport) in new[] { ("phone", BrowserFixture.Phone), ("tablet", BrowserFixture.Tablet) })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await page.WaitForTimeoutAsync(300);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{label}.png"), FullPage = label == "phone" });
        }
        if (size is not null) await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
