using System.Net.ServerSentEvents;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Restaurant.Api.Features.Events;
using Restaurant.Api.Features.Kitchen;
using Restaurant.Api.Features.Menu;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Features.Payments;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Features.Tables;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// The one name each type has in the document. The framework names a schema after the type's short name, so the
/// nested records of different use cases (<c>Body</c>, <c>Command</c>, <c>Result</c>, <c>Item</c>) would share
/// one schema; here every type the API reads or writes has a name of its own, chosen once.
/// </summary>
public static class SchemaNames
{
    private static readonly Dictionary<Type, string> Names = new()
    {
        // Requests
        [typeof(PutMenu.Command)] = "MenuRequest",
        [typeof(PutMenu.Item)] = "MenuItemRequest",
        [typeof(PutMenu.BundleOffer)] = "BundleRequest",
        [typeof(PutMenu.OptionGroupBody)] = "OptionGroupRequest",
        [typeof(PutMenu.OptionBody)] = "OptionRequest",
        [typeof(SetAvailability.Body)] = "AvailabilityRequest",
        [typeof(CreateOrder.Body)] = "CreateOrderRequest",
        [typeof(PutTable.Body)] = "TableRequest",
        [typeof(ChangeItems.Body)] = "ChangeItemsRequest",
        [typeof(ChangeItems.Addition)] = "LineToAdd",
        [typeof(FireOrder.Body)] = "FireRequest",
        [typeof(VoidLines.Body)] = "VoidRequest",
        [typeof(VoidLines.Target)] = "LineToVoid",
        [typeof(CompLines.Body)] = "CompRequest",
        [typeof(SetTicketStatus.Body)] = "TicketStatusRequest",
        [typeof(PayOrder.Body)] = "PaymentRequest",
        [typeof(PayOrder.TenderBody)] = "TenderRequest",
        // Answers
        [typeof(MenuView)] = "Menu",
        [typeof(MenuItemView)] = "MenuItem",
        [typeof(OptionGroupView)] = "OptionGroup",
        [typeof(MenuOptionView)] = "MenuOption",
        [typeof(MenuView.BundleOffer)] = "Bundle",
        [typeof(PutMenu.Result)] = "MenuPublished",
        [typeof(OrderView)] = "Order",
        [typeof(ItemsChangedView)] = "ItemsChanged",
        [typeof(LineView)] = "OrderLine",
        [typeof(ChosenOptionView)] = "ChosenOption",
        [typeof(AuditView)] = "LineAudit",
        [typeof(TicketView)] = "Ticket",
        [typeof(ListOrders.Summary)] = "OrderSummary",
        [typeof(SubmitOrder.Result)] = "SubmitResult",
        [typeof(BillView)] = "Bill",
        [typeof(BillView.Item)] = "BillItem",
        [typeof(BillView.BundleApplied)] = "BillBundle",
        [typeof(BillView.Share)] = "BillShare",
        [typeof(BillView.PricingReport)] = "BillPricing",
        [typeof(KitchenTicket)] = "KitchenTicket",
        [typeof(PaymentResult)] = "PaymentResult",
        [typeof(TenderView)] = "Tender",
        [typeof(TableView)] = "Table",
        [typeof(TableView.ActiveOrder)] = "TableOrder",
        // One event of the text/event-stream answers (docs/api.md, Events): its data is one event type's JSON
        // (EventStreamShapes describes it as the stream's lines say it, with the data of each type below).
        [typeof(SseItem<string>)] = EventStreamShapes.OrderEvent,
        [typeof(OrderOpenedData)] = "OrderOpenedEvent",
        [typeof(DinerJoinedData)] = "DinerJoinedEvent",
        [typeof(ItemsChangedData)] = "ItemsChangedEvent",
        [typeof(TicketData)] = "TicketEvent",
        [typeof(LineStatusData)] = "LineStatusEvent",
        [typeof(VoidData)] = "VoidEvent",
        [typeof(CompData)] = "CompEvent",
        [typeof(DiscountData)] = "DiscountEvent",
        [typeof(BillData)] = "BillEvent",
        [typeof(PaymentData)] = "PaymentEvent",
        [typeof(RefundData)] = "RefundEvent",
        [typeof(OrderStatusData)] = "OrderStatusEvent",
        [typeof(BillTotals)] = "BillTotals",
    };

    /// <summary>The name a type is known by; a type not listed gets its nested name (<c>SetAvailabilityBody</c>), never a clash.</summary>
    public static string? For(JsonTypeInfo type)
    {
        // Strings, numbers, lists and dictionaries stay inline, as the framework has them.
        if (OpenApiOptions.CreateDefaultSchemaReferenceId(type) is null) return null;
        return Names.TryGetValue(type.Type, out var name) ? name : NestedName(type.Type);
    }

    /// <summary>The name the document gives <typeparamref name="T"/>.</summary>
    public static string Of<T>() => Of(typeof(T));

    /// <summary>The name the document gives <paramref name="type"/>.</summary>
    public static string Of(Type type) => Names[type];

    /// <summary>The name the document gives <paramref name="type"/>, or null for a type it shows inline.</summary>
    public static string? TryOf(Type type) => Names.GetValueOrDefault(type);

    private static string NestedName(Type type) =>
        type.DeclaringType is null ? type.Name : NestedName(type.DeclaringType) + type.Name;
}
