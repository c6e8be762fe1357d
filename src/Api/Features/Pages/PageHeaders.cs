namespace Restaurant.Api.Features.Pages;

/// <summary>
/// The headers every page and page asset is served with: scripts, styles and connections from this origin only (no
/// inline script or style, nothing third-party), no MIME sniffing, and no Referer, since a table's address carries
/// its code.
/// </summary>
public static class PageHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        // The pages change with the server; a phone must never run yesterday's script against today's API.
        response.Headers.CacheControl = "no-cache";
    }
}
