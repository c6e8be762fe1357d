using System.Globalization;
using System.Text;

namespace Restaurant.Api.Features.Receipts;

/// <summary>The receipt as plain text, for a narrow receipt printer: 42 columns, amounts on the right.</summary>
public static class ReceiptText
{
    public const int Width = 42;

    public static string Render(Receipt receipt)
    {
        var text = new StringBuilder();
        text.AppendLine(Center(receipt.RestaurantName));
        text.AppendLine(Center($"Table {receipt.Table}"));
        text.AppendLine(Center(receipt.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
        text.AppendLine(Center($"Order {receipt.OrderId}"));
        text.AppendLine(new string('-', Width));
        foreach (var line in receipt.Lines)
        {
            text.AppendLine(Row($"{line.Quantity} x {line.Name}", line.Comped ? "comped" : Receipt.Amount(line.Amount)));
            foreach (var option in line.Options) text.AppendLine("    " + option);
            if (line.Comped) text.AppendLine(Row("    (comped)", "-" + Receipt.Amount(line.Amount)));
        }
        if (receipt.Bundles.Count > 0)
        {
            text.AppendLine(new string('-', Width));
            foreach (var bundle in receipt.Bundles) text.AppendLine(Row(bundle.Label, Receipt.Amount(bundle.Amount, bundle.Negative)));
        }
        Section(text, receipt.Totals);
        if (receipt.Totals.Count == 0) text.AppendLine(new string('-', Width)).AppendLine("Not billed yet.");
        Section(text, receipt.Payments);
        Section(text, receipt.Refunds);
        if (receipt.Balance is { } balance)
        {
            text.AppendLine(new string('=', Width));
            text.AppendLine(Row("Balance", balance.ToString()));
        }
        text.AppendLine(Center($"Amounts in {receipt.Currency}"));
        return text.ToString();
    }

    private static void Section(StringBuilder text, IReadOnlyList<Receipt.Entry> entries)
    {
        if (entries.Count == 0) return;
        text.AppendLine(new string('-', Width));
        foreach (var entry in entries)
        {
            text.AppendLine(Row(entry.Label, Receipt.Amount(entry.Amount, entry.Negative)));
            if (entry.Note is not null) text.AppendLine("    " + entry.Note);
        }
    }

    private static string Row(string label, string amount)
    {
        var room = Width - amount.Length - 1;
        return label.Length > room ? label + "\n" + amount.PadLeft(Width) : label.PadRight(room) + " " + amount;
    }

    private static string Center(string text) => text.Length >= Width ? text : text.PadLeft((Width + text.Length) / 2);
}
