using System.Globalization;
using System.Net;
using System.Text;

namespace Restaurant.Api.Features.Receipts;

/// <summary>
/// The receipt as a printable HTML page. Every piece of text is HTML-encoded: names, options, notes and reasons are
/// typed by guests and staff, and must print as typed, never run as markup.
/// </summary>
public static class ReceiptHtml
{
    public static string Render(Receipt receipt)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(E($"{receipt.RestaurantName} · Table {receipt.Table}")).Append("</title>\n");
        html.Append("<style>body{font-family:monospace;max-width:24em;margin:1em auto}table{width:100%;border-collapse:collapse}")
            .Append("td.amount{text-align:right;white-space:nowrap}tr.total td{font-weight:bold;border-top:1px solid}")
            .Append("h1,p.meta{text-align:center}td.note{padding-left:1.5em;font-size:90%}@media print{body{margin:0}}</style>\n");
        html.Append("</head>\n<body>\n");
        html.Append("<h1>").Append(E(receipt.RestaurantName)).Append("</h1>\n");
        html.Append("<p class=\"meta\">Table ").Append(E(receipt.Table)).Append("<br>")
            .Append(E(receipt.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("<br>Order ")
            .Append(E(receipt.OrderId)).Append("</p>\n");

        html.Append("<table class=\"lines\">\n");
        foreach (var line in receipt.Lines)
        {
            Row(html, $"{line.Quantity} × {line.Name}", line.Comped ? "comped" : Receipt.Amount(line.Amount));
            foreach (var option in line.Options) Note(html, option);
            if (line.Comped) Row(html, "(comped)", "-" + Receipt.Amount(line.Amount), "note");
        }
        html.Append("</table>\n");
        Table(html, "bundles", receipt.Bundles);
        Table(html, "totals", receipt.Totals, total: "Total");
        if (receipt.Totals.Count == 0) html.Append("<p>Not billed yet.</p>\n");
        Table(html, "payments", receipt.Payments);
        Table(html, "refunds", receipt.Refunds);
        if (receipt.Balance is { } balance)
        {
            html.Append("<table class=\"balance\">\n");
            Row(html, "Balance", balance.ToString(), "total");
            html.Append("</table>\n");
        }
        html.Append("<p class=\"meta\">Amounts in ").Append(E(receipt.Currency)).Append("</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, string kind, IReadOnlyList<Receipt.Entry> entries, string? total = null)
    {
        if (entries.Count == 0) return;
        html.Append("<table class=\"").Append(kind).Append("\">\n");
        foreach (var entry in entries)
        {
            Row(html, entry.Label, Receipt.Amount(entry.Amount, entry.Negative), entry.Label == total ? "total" : null);
            if (entry.Note is not null) Note(html, entry.Note);
        }
        html.Append("</table>\n");
    }

    private static void Row(StringBuilder html, string label, string amount, string? cssClass = null)
    {
        html.Append(cssClass is null ? "<tr>" : $"<tr class=\"{cssClass}\">");
        html.Append("<td>").Append(E(label)).Append("</td><td class=\"amount\">").Append(E(amount)).Append("</td></tr>\n");
    }

    private static void Note(StringBuilder html, string note) =>
        html.Append("<tr><td class=\"note\" colspan=\"2\">").Append(E(note)).Append("</td></tr>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
