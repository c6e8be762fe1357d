using Restaurant.Api.Features.Kitchen;
using Restaurant.Api.Features.Menu;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Features.Payments;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Features.Tables;
using Restaurant.Domain;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;
using Menu = Restaurant.Domain.Menus.Menu;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>What each request body must carry, and within which bounds (the validators' and the domain's rules).</summary>
public static class RequestShapes
{
    public const string TablePattern = "^[A-Za-z0-9-]+$";
    public const string MenuIdPattern = "^[A-Za-z0-9_-]+$";
    public const string CurrencyPattern = "^[A-Z]{3}$";
    public const string CardTokenPattern = "^[A-Za-z0-9_]+$";

    public static void Register(SchemaShapes shapes) => shapes
        .For<CreateOrder.Body>(order => order
            .Describe("Opens the table's order, or joins the one it has (a diner needs the table's code; staff need none).")
            .Require("table")
            .Field("table", f => f.NotNull().Text(1, Order.MaxTableLength, TablePattern).Describe("The table's id: letters, digits and '-'."))
            .Field("code", f => f.Describe("The table's current code, as its QR code gives it. Diners must send it; staff need not."))
            .Field("guests", f => f.Between(1, Order.MaxGuests).Describe("How many guests sit at the table, if known (when opening)."))
            .Field("diner", f => f.Text(0, Order.MaxDinerLength)
                .Describe("Who holds the token this call answers with: the lines they add, and the tenders they pay, without a diner are theirs.")))
        .For<PutTable.Body>(table => table
            .Describe("The table's seats; left out, a new table seats 4 and an existing one keeps its seats.")
            .Require()
            .Field("seats", f => f.Between(1, Domain.Tables.Table.MaxSeats)))
        .For<ChangeItems.Body>(change => change
            .Describe("Lines to add and lines to remove, applied all together or not at all. Send at least one of either.")
            .Require()
            .Field("add", f => f.Count(0, ChangeItems.MaxEntries).Describe("Lines to add."))
            .Field("remove", f => f
                .Count(0, ChangeItems.MaxEntries)
                .Each(id => id.NotNull().Text(1, 64))
                .Describe("The `lineId`s of pending lines to remove.")))
        .For<ChangeItems.Addition>(line => line
            .Describe("A line to add: an item of the menu in effect, and how many.")
            .Require("menuItemId", "quantity")
            .Field("menuItemId", f => f.NotNull().Text(1, Menu.MaxIdLength).Describe("The id of an item of the menu in effect."))
            .Field("quantity", f => f.NotNull().Between(1, Quantity.Max))
            .Field("diner", f => f.Text(0, Order.MaxDinerLength)
                .Describe("Who ordered it (by default the name on the caller's token); the bill's shares are split by diner."))
            .Field("note", f => f.Text(0, Order.MaxNoteLength).Describe("A note for the kitchen."))
            .Field("options", f => f
                .Count(0, MenuItem.MaxOptionGroups * OptionGroup.MaxOptions)
                .Each(id => id.NotNull().Text(1, Menu.MaxIdLength))
                .Describe("The ids of the options chosen, from the item's option groups (each group's min to max of them)."))
            .Field("course", f => f.Between(1, MenuItem.MaxCourse).Describe("When it is served; left out: the item's course."))
            .Field("hold", f => f.Describe("Staff only: keep the line back from submit until it is fired.")))
        .For<FireOrder.Body>(fire => fire
            .Describe("Which held lines to fire; the body may be left out.")
            .Require()
            .Field("course", f => f.Between(1, MenuItem.MaxCourse).Describe("Fire only this course's held lines; left out: all of them.")))
        .For<VoidLines.Body>(body => body
            .Describe("Sent lines to void, and why.")
            .Require("lines", "reason")
            .Field("lines", f => f.NotNull().Count(1, ChangeItems.MaxEntries))
            .Field("reason", f => f.NotNull().Text(1, LineAudit.MaxReasonLength).Describe("Why, for the record (kept with who and when).")))
        .For<VoidLines.Target>(line => line
            .Describe("A line to void: all of its units, or `quantity` of them (the line splits).")
            .Require("lineId")
            .Field("lineId", f => f.NotNull().Text(1, Menu.MaxIdLength))
            .Field("quantity", f => f.Between(1, Quantity.Max).Describe("How many of its units; left out: all.")))
        .For<CompLines.Body>(body => body
            .Describe("Lines to comp, and why.")
            .Require("lines", "reason")
            .Field("lines", f => f.NotNull().Count(1, ChangeItems.MaxEntries).Each(id => id.NotNull().Text(1, Menu.MaxIdLength)))
            .Field("reason", f => f.NotNull().Text(1, LineAudit.MaxReasonLength).Describe("Why, for the record (kept with who and when).")))
        .For<AddDiscount.Body>(body => body
            .Describe("A discount off what is left after comps and bundles, and why.")
            .Require("kind", "value", "reason")
            .Field("kind", f => f.NotNull().OneOf(DiscountView.Kinds))
            .Field("value", f => f.NotNull().Money(positive: true, maximum: Discount.MaxAmount)
                .Describe("For `percent`, the percentage (above 0, at most 100: 10 is 10%); for `amount`, the amount off, in the menu's currency."))
            .Field("reason", f => f.NotNull().Text(1, LineAudit.MaxReasonLength).Describe("Why, for the record (kept with who and when).")))
        .For<SetServiceCharge.Body>(body => body
            .Describe("The order's own service charge rate; it overrides the menu's rule by guests.")
            .Require("rate")
            .Field("rate", f => f.NotNull().Between(0, ServiceChargeRule.MaxRate).Describe("A fraction: 0.18 is 18%; 0 waives the charge.")))
        .For<PutMenu.ServiceChargeBody>(body => body
            .Describe("An automatic service charge on orders of at least `minGuests` guests.")
            .Require("rate", "minGuests")
            .Field("rate", f => f.NotNull().Between(0, ServiceChargeRule.MaxRate).Describe("A fraction: 0.18 is 18%."))
            .Field("minGuests", f => f.NotNull().Between(1, Order.MaxGuests))
            .Field("taxable", f => f.Describe("Whether tax is charged on the service charge; left out: true.")))
        .For<RefundPayment.Body>(body => body
            .Describe("What to give back of one succeeded tender, and why.")
            .Require("tenderId", "amount", "reason")
            .Field("tenderId", f => f.NotNull().Text(1, Order.IdLength).Describe("The tender, as the order's `payments` list it."))
            .Field("amount", f => f.NotNull().Money(positive: true, maximum: 999_999_999.99m)
                .Describe("What to give back; with the tender's earlier refunds, at most what it took (amount plus tip)."))
            .Field("reason", f => f.NotNull().Text(1, LineAudit.MaxReasonLength).Describe("Why, for the record (kept with who and when).")))
        .For<SetTicketStatus.Body>(body => body
            .Describe("Where the ticket's lines (or those listed) move to.")
            .Require("status")
            .Field("status", f => f.NotNull().OneOf([.. LineStatusNames.KitchenMoves.Keys]))
            .Field("lineIds", f => f.Count(1, ChangeItems.MaxEntries).Each(id => id.NotNull().Text(1, Menu.MaxIdLength))
                .Describe("The lines to move; left out: every line of the ticket that is not voided and not already there.")))
        .For<PayOrder.Body>(payment => payment
            .Describe("One payment call: 1 to 20 tenders that together pay `total`, the whole balance or a part of it.")
            .Require("total", "payments")
            .Field("orderId", f => f.Describe("The order paid; if sent, it must be the order in the path."))
            .Field("total", f => f.Money(maximum: 999_999_999.99m)
                .Describe("What this call pays: the sum of the tenders' amounts, at most the balance less what cards still being confirmed hold back."))
            .Field("payments", f => f.NotNull().Count(1, Order.MaxTendersPerPayment)))
        .For<PayOrder.TenderBody>(tender => tender
            .Describe("A card (by its gateway token, with an optional tip) or cash (staff only).")
            .Require("amount", "paymentMethod")
            .Field("amount", f => f.Money(positive: true, maximum: 999_999_999.99m).Describe("What this tender pays of the balance."))
            .Field("paymentMethod", f => f.NotNull().OneOf(PaymentMethods.Card, PaymentMethods.Cash))
            .Field("cardToken", f => f.Text(1, Tender.MaxCardTokenLength, CardTokenPattern)
                .Describe("Cards only, and required for them: the gateway's token for the card, such as `pm_card_visa`. Never card data."))
            .Field("tip", f => f.Money(maximum: 999_999_999.99m).Describe("Cards only: charged on top of `amount`; it does not count against the balance."))
            .Field("diner", f => f.Text(0, Order.MaxDinerLength)
                .Describe("Whose share this tender pays (the bill's `shares[].paid`); by default the name on the caller's token.")))
        .For<PutMenu.Command>(menu => menu
            .Describe("A whole menu, in the shape `GET /menu` answers (its `version` is ignored), published as the next version.")
            .Require("currency", "taxRate", "items", "bundles")
            .Field("currency", f => f.NotNull().Text(3, 3, CurrencyPattern).Describe("An ISO 4217 code of a currency with cents, such as USD."))
            .Field("taxRate", f => f.NotNull().Between(0, 1).Describe("The tax added to every bill, as a fraction (0.08 is 8%)."))
            .Field("items", f => f.NotNull().Count(1, Menu.MaxItems))
            .Field("bundles", f => f.NotNull().Count(0, Menu.MaxBundles))
            .Field("effectiveFrom", f => f.Describe("When this version takes effect; left out, null or past: at once."))
            .Field("serviceCharge", f => f.Describe("The automatic service charge for larger tables; left out or null: none.")))
        .For<PutMenu.Item>(item => item
            .Require("id", "name", "category", "price")
            .Field("id", f => f.NotNull().Text(1, Menu.MaxIdLength, MenuIdPattern))
            .Field("name", f => f.NotNull().Text(1, Menu.MaxNameLength))
            .Field("category", f => f.NotNull().Text(1, Menu.MaxNameLength))
            .Field("price", f => f.NotNull().Money(positive: true, maximum: Menu.MaxPrice))
            .Field("available", f => f.Describe("Whether it can be ordered; left out or null: true."))
            .Field("description", f => f.Text(0, MenuItem.MaxDescriptionLength))
            .Field("allergens", f => f.Each(code => code.NotNull().OneOf([.. AllergenCodes.Codes])).Describe("The EU's 14 allergen codes it contains."))
            .Field("dietary", f => f.Count(0, MenuItem.MaxDietaryTags).Each(tag => tag.NotNull().Text(1, MenuItem.MaxTagLength))
                .Describe("Free tags such as `vegan`."))
            .Field("station", f => f.Text(1, MenuItem.MaxStationLength, MenuIdPattern).Describe("Where it is made; left out: `kitchen`."))
            .Field("course", f => f.Between(1, MenuItem.MaxCourse).Describe("When it is served; left out: 1."))
            .Field("optionGroups", f => f.Count(0, MenuItem.MaxOptionGroups)))
        .For<PutMenu.OptionGroupBody>(group => group
            .Describe("A choice a diner makes about the item: between `min` and `max` of its options (`min` 1 or more makes it required).")
            .Require("id", "name", "min", "max", "options")
            .Field("id", f => f.NotNull().Text(1, Menu.MaxIdLength, MenuIdPattern))
            .Field("name", f => f.NotNull().Text(1, Menu.MaxNameLength))
            .Field("min", f => f.NotNull().AtLeast(0))
            .Field("max", f => f.NotNull().AtLeast(1))
            .Field("options", f => f.NotNull().Count(1, OptionGroup.MaxOptions)))
        .For<PutMenu.OptionBody>(option => option
            .Describe("One option; its price is paid on top of the item's. Option ids are unique within an item.")
            .Require("id", "name", "price")
            .Field("id", f => f.NotNull().Text(1, Menu.MaxIdLength, MenuIdPattern))
            .Field("name", f => f.NotNull().Text(1, Menu.MaxNameLength))
            .Field("price", f => f.NotNull().Money(maximum: Menu.MaxPrice))
            .Field("available", f => f.Describe("Whether it can be chosen; left out or null: true.")))
        .For<PutMenu.BundleOffer>(bundle => bundle
            .Describe("A set of slots sold together at one price; each slot is filled by one unit of any item it lists.")
            .Require("id", "name", "price", "slots")
            .Field("id", f => f.NotNull().Text(1, Menu.MaxIdLength, MenuIdPattern))
            .Field("name", f => f.NotNull().Text(1, Menu.MaxNameLength))
            .Field("price", f => f.NotNull().Money(positive: true, maximum: Menu.MaxPrice))
            .Field("slots", f => f.NotNull().Count(1, Menu.MaxSlots).Each(slot => slot.NotNull().Count(1, Menu.MaxSlotWidth)
                .Each(id => id.NotNull().Text(1, Menu.MaxIdLength, MenuIdPattern)))))
        .For<SetAvailability.Body>(availability => availability
            .Require("available")
            .Field("available", f => f.NotNull().Describe("false takes the item (or option) off (\"86\" it) at once; true brings it back.")));
}
