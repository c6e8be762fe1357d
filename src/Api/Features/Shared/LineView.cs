using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Shared;

/// <summary>
/// One order line as the API shows it: in the order's pending and held lines and tickets, and on the kitchen's
/// tickets (hence its station, allergens and dietary tags).
/// </summary>
public sealed record LineView(
    string LineId,
    string MenuItemId,
    string Name,
    int Quantity,
    decimal UnitPrice,
    IReadOnlyList<ChosenOptionView> Options,
    int Course,
    string Station,
    string Status,
    string? Diner,
    string? Note,
    AuditView? Comp,
    AuditView? Void,
    IReadOnlyList<string> Allergens,
    IReadOnlyList<string> Dietary)
{
    public static LineView From(OrderLine line) => new(
        line.Id,
        line.MenuItemId,
        line.Name,
        line.Quantity.Value,
        line.UnitPrice.ToMajor(),
        line.Options.Select(ChosenOptionView.From).ToList(),
        line.Course,
        line.Station,
        LineStatusNames.NameOf(line.Status),
        line.Diner,
        line.Note,
        AuditView.From(line.Comp),
        AuditView.From(line.Void),
        line.Allergens,
        line.Dietary);
}

/// <summary>An option as a line (or a bill's item) captured it.</summary>
public sealed record ChosenOptionView(string GroupId, string OptionId, string Name, decimal Price)
{
    public static ChosenOptionView From(ChosenOption option) => new(option.GroupId, option.OptionId, option.Name, option.Price.ToMajor());
}

/// <summary>Why a line was voided or comped, by which staff key (its non-secret id) and when.</summary>
public sealed record AuditView(string Reason, string By, DateTime At)
{
    public static AuditView? From(LineAudit? audit) => audit is null ? null : new(audit.Reason, audit.By, audit.At.UtcDateTime);
}
