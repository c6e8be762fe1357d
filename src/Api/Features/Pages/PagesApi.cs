using Microsoft.Extensions.FileProviders;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Pages;

/// <summary>
/// The three pages the API serves to the people it is for (wwwroot/app): the table app at the QR code's address, the
/// waiter tablet and the kitchen display. Plain HTML, CSS and JavaScript modules, served as they are; they are not
/// part of the API's contract (they are its clients), so they stay out of the OpenAPI document.
/// </summary>
public static class PagesApi
{
    public const string AssetsPath = "/app";

    public static WebApplication UsePageAssets(this WebApplication app)
    {
        var folder = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "app");
        if (!Directory.Exists(folder)) return app;
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = AssetsPath,
            FileProvider = new PhysicalFileProvider(folder),
            OnPrepareResponse = context => PageHeaders.Apply(context.Context.Response),
        });
        return app;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app, IWebHostEnvironment environment)
    {
        var folder = Path.Combine(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), "app");
        app.MapGet("/t/{table}", (string table, HttpContext http) => Page(http, folder, "table.html")).ExcludeFromDescription();
        app.MapGet("/staff", (HttpContext http) => Page(http, folder, "staff.html")).ExcludeFromDescription();
        app.MapGet("/kitchen", (HttpContext http) => Page(http, folder, "kitchen.html")).ExcludeFromDescription();
        app.MapGet("/staff/tables/{id}/qr.svg", TableQrCode.GetAsync)
            .RequireAuthorization(Access.StaffOnly).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(HttpContext http, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) return Results.NotFound();
        PageHeaders.Apply(http.Response);
        return Results.File(path, "text/html; charset=utf-8");
    }
}
