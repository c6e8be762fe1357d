using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Restaurant.Api.Features.Kitchen;
using Restaurant.Api.Features.Orders;
using Restaurant.Domain.Menus;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>What each path and query parameter means, and its bounds, by operation.</summary>
public sealed class Parameters : IOpenApiOperationTransformer
{
    private const string OrderId = "The order's id, as `POST /orders` answered it.";
    private const string TableId = "The table's id, as `GET /tables` lists it.";
    private const string AfterEvent = "Resume after this event id (what `Last-Event-ID` says, which wins when both are sent): " +
                                      "the stream starts with exactly the events after it.";

    private static readonly Dictionary<(string Operation, string Parameter), Action<OpenApiParameter, OpenApiSchema>> Rules = new()
    {
        [("getMenu", "version")] = (p, s) =>
        {
            p.Description = "A menu version, to read a scheduled menu ahead of time; left out, the menu in effect now.";
            s.Minimum = "1";
        },
        [("setItemAvailability", "id")] = (p, _) => p.Description = "The menu item's id.",
        [("setOptionAvailability", "id")] = (p, _) => p.Description = "The menu item's id.",
        [("setOptionAvailability", "optionId")] = (p, _) => p.Description = "The id of one of the item's options.",
        [("listOrders", "status")] = (p, s) =>
        {
            p.Description = "Only orders in this status.";
            s.Enum = ResponseShapes.OrderStatuses.Select(status => (JsonNode)JsonValue.Create(status)).ToList();
        },
        [("listOrders", "limit")] = (p, s) =>
        {
            p.Description = "At most this many orders, newest first.";
            s.Minimum = "1";
            s.Maximum = ListOrders.MaxLimit.ToString();
            s.Default = ListOrders.DefaultLimit;
        },
        [("getOrder", "id")] = (p, _) => p.Description = OrderId,
        [("changeItems", "id")] = (p, _) => p.Description = OrderId,
        [("submitOrder", "id")] = (p, _) => p.Description = OrderId,
        [("billOrder", "id")] = (p, _) => p.Description = OrderId,
        [("fireOrder", "id")] = (p, _) => p.Description = OrderId,
        [("voidLines", "id")] = (p, _) => p.Description = OrderId,
        [("compLines", "id")] = (p, _) => p.Description = OrderId,
        [("payOrder", "orderId")] = (p, _) => p.Description = OrderId,
        [("cancelOrder", "id")] = (p, _) => p.Description = OrderId,
        [("addDiscount", "id")] = (p, _) => p.Description = OrderId,
        [("removeDiscount", "id")] = (p, _) => p.Description = OrderId,
        [("removeDiscount", "discountId")] = (p, _) => p.Description = "The discount's id, as `POST /orders/{id}/discounts` answered it.",
        [("setServiceCharge", "id")] = (p, _) => p.Description = OrderId,
        [("refundPayment", "orderId")] = (p, _) => p.Description = OrderId,
        [("getReceipt", "id")] = (p, _) => p.Description = OrderId,
        [("putTable", "id")] = (p, s) =>
        {
            p.Description = "The table's id: 1 to 20 letters, digits or '-'.";
            s.MinLength = 1;
            s.MaxLength = Domain.Tables.Table.MaxIdLength;
            s.Pattern = RequestShapes.TablePattern;
        },
        [("rotateTableCode", "id")] = (p, _) => p.Description = TableId,
        [("deleteTable", "id")] = (p, _) => p.Description = TableId,
        [("getOrderEvents", "id")] = (p, _) => p.Description = OrderId,
        [("getOrderEvents", "after")] = (p, s) =>
        {
            p.Description = AfterEvent;
            s.Minimum = "0";
        },
        [("getKitchenEvents", "after")] = (p, s) =>
        {
            p.Description = AfterEvent;
            s.Minimum = "0";
        },
        [("getKitchenEvents", "station")] = (p, s) =>
        {
            p.Description = "Only this station's lines (`kitchen`, `bar`, …), and only the events that have any.";
            s.MinLength = 1;
            s.MaxLength = MenuItem.MaxStationLength;
            s.Pattern = RequestShapes.MenuIdPattern;
        },
        [("getKitchenTickets", "after")] = (p, s) =>
        {
            p.Description = $"The last `sequence` the kitchen has seen: only later tickets are answered, at most {GetTickets.PageSize} at a time.";
            s.Minimum = "0";
            s.Default = 0;
        },
        [("getKitchenTickets", "station")] = (p, s) =>
        {
            p.Description = "Only this station's lines (`kitchen`, `bar`, …), and only the tickets that have any.";
            s.MinLength = 1;
            s.MaxLength = MenuItem.MaxStationLength;
            s.Pattern = RequestShapes.MenuIdPattern;
        },
        [("setTicketStatus", "sequence")] = (p, s) =>
        {
            p.Description = "The ticket's `sequence`, as `GET /kitchen/tickets` answered it.";
            s.Minimum = "1";
        },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In is not (ParameterLocation.Path or ParameterLocation.Query)) continue;
            if (!Rules.TryGetValue((operation.OperationId ?? "", parameter.Name ?? ""), out var rule))
                throw new InvalidOperationException($"Parameter '{parameter.Name}' of {operation.OperationId} is not described in {nameof(Parameters)}.");
            rule(parameter, parameter.Schema as OpenApiSchema ?? throw new InvalidOperationException($"Parameter '{parameter.Name}' has no inline schema."));
        }
        return Task.CompletedTask;
    }
}
