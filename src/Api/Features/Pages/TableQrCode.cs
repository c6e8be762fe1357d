using MediatR;
using QRCoder;
using Restaurant.Api.Features.Tables;
using Restaurant.Api.Infrastructure;

namespace Restaurant.Api.Features.Pages;

/// <summary>
/// A table's QR code, to print: the table app's address with the table and its current code, drawn as SVG. The
/// waiter tablet fetches it with the staff key (it carries the code, so it is never public) and shows it as an image.
/// </summary>
public static class TableQrCode
{
    public static async Task<IResult> GetAsync(string id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var tables = await mediator.Send(new ListTables.Query(), ct);
        var table = tables.FirstOrDefault(t => t.Id == id) ?? throw ApiProblem.TableNotFound(id);
        PageHeaders.Apply(http.Response);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(Svg(AddressOf(http.Request, table.Id, table.Code)), "image/svg+xml; charset=utf-8");
    }

    /// <summary>The address a phone opens: this server's own origin, as the tablet reached it.</summary>
    public static string AddressOf(HttpRequest request, string table, string code) =>
        $"{request.Scheme}://{request.Host}/t/{Uri.EscapeDataString(table)}?code={Uri.EscapeDataString(code)}";

    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
