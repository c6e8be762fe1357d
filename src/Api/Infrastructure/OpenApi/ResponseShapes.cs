using Restaurant.Api.Features.Kitchen;
using Restaurant.Api.Features.Menu;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Features.Payments;
using Restaurant.Api.Features.Shared;
using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>What each answer always carries, with its enumerations and bounds.</summary>
public static class ResponseShapes
{
    public static readonly string[] OrderStatuses = Enum.GetValues<OrderStatus>().Select(OrderView.StatusName).ToArray();
    public static readonly string[] TenderStatuses = Enum.GetValues<TenderStatus>().Select(s => s.ToString().ToLowerInvariant()).ToArray();
    /// <summary>The values of <see cref="PaymentResult.Status"/>: where the order stands after the call.</summary>
    public static readonly string[] PaymentStatuses = ["paid", "partially_paid", "unpaid"];

    public static void Register(SchemaShapes shapes) => shapes
        .For<MenuView>(menu => menu.RequireAll()
            .Describe("The menu in effect (or the version asked for).")
            .Field("version", f => f.AtLeast(1))
            .Field("effectiveFrom", f => f.Describe("When this version took (or takes) effect."))
            .Field("currency", f => f.Text(3, 3, RequestShapes.CurrencyPattern))
            .Field("taxRate", f => f.Between(0, 1).Describe("The tax added to every bill, as a fraction (0.08 is 8%).")))
        .For<MenuItemView>(item => item.RequireAll()
            .Field("price", f => f.Money(positive: true))
            .Field("available", f => f.Describe("false while the item is off (\"86'd\"): it cannot be added.")))
        .For<MenuView.BundleOffer>(bundle => bundle.RequireAll()
            .Describe("A set of slots sold together at one price; each slot is filled by one unit of any item it lists.")
            .Field("price", f => f.Money(positive: true))
            .Field("slots", f => f.Count(1, Domain.Menus.Menu.MaxSlots).Each(slot => slot.Count(1, Domain.Menus.Menu.MaxSlotWidth))))
        .For<PutMenu.Result>(published => published.RequireAll()
            .Field("version", f => f.AtLeast(1))
            .Field("effectiveFrom", f => f.Describe("When the new version takes effect (now, unless it was scheduled).")))
        .For<OrderView>(order => order.RequireAll().Optional("accessToken")
            .Describe("A table's order: the lines still pending, the tickets sent to the kitchen, the bill and the payments.")
            .Field("status", f => f.OneOf(OrderStatuses))
            .Field("guests", f => f.Between(1, Order.MaxGuests))
            .Field("balance", f => f.Money().Describe("What is left to pay; null until the order is billed."))
            .Field("accessToken", f => f.NotNull().Text(1, 100)
                .Describe("Only in the answer to `POST /orders`, the one time it is shown: the diners' bearer token for this order.")))
        .For<LineView>(line => line.RequireAll()
            .Field("quantity", f => f.Between(1, Quantity.Max))
            .Field("unitPrice", f => f.Money(positive: true).Describe("The menu price when the line was added."))
            .Field("diner", f => f.Describe("Who ordered it, if the line says."))
            .Field("note", f => f.Describe("The note for the kitchen, if any.")))
        .For<TicketView>(ticket => ticket.RequireAll()
            .Describe("Lines sent to the kitchen together; numbered 1, 2, … within the order.")
            .Field("number", f => f.AtLeast(1)))
        .For<ListOrders.Summary>(summary => summary.RequireAll()
            .Field("status", f => f.OneOf(OrderStatuses))
            .Field("pendingCount", f => f.AtLeast(0).Describe("Lines not yet sent to the kitchen."))
            .Field("ticketCount", f => f.AtLeast(0))
            .Field("balance", f => f.Money().Describe("What is left to pay; null until the order is billed.")))
        .For<SubmitOrder.Result>(result => result.RequireAll()
            .Describe("The ticket just sent to the kitchen, or null when nothing was pending."))
        .For<BillView>(bill => bill.RequireAll()
            .Describe("The order's bill, priced once with the lowest total the menu's bundles allow and then frozen.")
            .Field("currency", f => f.Text(3, 3, RequestShapes.CurrencyPattern))
            .Field("subtotal", f => f.Money().Describe("Every unit at its unit price."))
            .Field("savings", f => f.Money().Describe("What the bundles save."))
            .Field("tax", f => f.Money())
            .Field("total", f => f.Money().Describe("subtotal − savings + tax."))
            .Field("paid", f => f.Money())
            .Field("balance", f => f.Money().Describe("total − paid.")))
        .For<BillView.Item>(item => item.RequireAll()
            .Field("quantity", f => f.AtLeast(1))
            .Field("unitPrice", f => f.Money(positive: true))
            .Field("amount", f => f.Money().Describe("quantity × unitPrice.")))
        .For<BillView.BundleApplied>(bundle => bundle.RequireAll()
            .Describe("One use of a bundle on this bill and the units that fill its slots.")
            .Field("price", f => f.Money(positive: true))
            .Field("listPrice", f => f.Money().Describe("What its units cost without the bundle."))
            .Field("savings", f => f.Money().Describe("listPrice − price.")))
        .For<BillView.Share>(share => share.RequireAll()
            .Describe("One diner's part of the total (lines without a diner share `diner: null`); the shares add up to the total.")
            .Field("amount", f => f.Money()))
        .For<BillView.PricingReport>(pricing => pricing.RequireAll()
            .Field("optimal", f => f.Describe("true unless a safety budget cut the pricing search short (then the best price found is billed).")))
        .For<GetTickets.KitchenTicket>(ticket => ticket.RequireAll()
            .Describe("A ticket as the kitchen sees it: `sequence` orders every ticket of the restaurant in commit order.")
            .Field("sequence", f => f.AtLeast(1))
            .Field("number", f => f.AtLeast(1)))
        .For<PaymentResult>(result => result.RequireAll()
            .Describe("This call's tenders and where the order stands after them.")
            .Field("status", f => f.OneOf(PaymentStatuses))
            .Field("paid", f => f.Money())
            .Field("balance", f => f.Money()))
        .For<TenderView>(tender => tender.RequireAll()
            .Field("index", f => f.AtLeast(0).Describe("Its position in its payment call's list, from 0."))
            .Field("paymentMethod", f => f.OneOf(PaymentMethods.Card, PaymentMethods.Cash))
            .Field("amount", f => f.Money(positive: true))
            .Field("tip", f => f.Money())
            .Field("status", f => f.OneOf(TenderStatuses).Describe("`pending` while the gateway's answer is unknown; it is asked again until it is known."))
            .Field("declineCode", f => f.Describe("Why a card was declined: the gateway's decline code, such as `generic_decline`."))
            .Field("paymentId", f => f.Describe("The gateway's payment id (for cash, the tender's own id); null while pending.")));
}
