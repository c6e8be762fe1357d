using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Domain.Tests;

/// <summary>Refunds through the order's rules: only of money taken, never more than a tender took, written ahead for cards.</summary>
public class OrderRefundTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Menu Menu = DefaultMenu.Create();
    private const string Manager = "staff:0123456789abcdef";

    /// <summary>A Burger Meal (16.00) paid by card 10.00 with a 2.00 tip, and 6.00 cash.</summary>
    private static (Order Order, Tender Card, Tender Cash) Paid()
    {
        var order = Order.Open("order-1", "T1", null, Now);
        order.ChangeItems([Line("burger"), Line("fries"), Line("soda")], [], Now);
        order.Submit(Now);
        order.CloseWithBill(Menu, Now);
        var tenders = order.TakePayment(new Money(1600),
            [new NewTender(TenderMethod.Card, new Money(1000), new Money(200), "pm_card_visa"), new NewTender(TenderMethod.Cash, new Money(600), Money.Zero, null)],
            Now, Tender.DefaultMaxTipRatio);
        order.RecordOutcome(tenders[0].Id, new TenderResult(TenderStatus.Succeeded, "pi_1", null, null, "visa", "4242"), Now);
        return (order, tenders[0], tenders[1]);
    }

    private static NewLine Line(string itemId)
    {
        var item = Menu.ItemToOrder(itemId);
        return new NewLine(item, new Quantity(1), null, null) { Options = item.ChooseOptions(itemId == "burger" ? ["medium"] : []) };
    }

    private static void AssertRefused(string code, Action action) => Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void A_card_refund_is_written_pending_with_a_key_derived_from_its_own_id()
    {
        var (order, card, _) = Paid();
        var refund = order.Refund(card.Id, new Money(500), "sent back", Manager, Now);
        Assert.Equal(RefundStatus.Pending, refund.Status);
        Assert.Equal("restaurant-refund-" + refund.Id, refund.GatewayKey);
        Assert.Equal(Money.Zero, order.Refunded);
    }

    [Fact]
    public void A_cash_refund_is_given_back_at_once()
    {
        var (order, _, cash) = Paid();
        var refund = order.Refund(cash.Id, new Money(600), "sent back", Manager, Now);
        Assert.Equal(RefundStatus.Succeeded, refund.Status);
        Assert.Null(refund.GatewayKey);
        Assert.Equal(new Money(600), order.Refunded);
    }

    [Fact]
    public void A_tender_is_refunded_up_to_its_amount_and_tip_and_no_further()
    {
        var (order, card, _) = Paid();
        order.Refund(card.Id, new Money(1000), "sent back", Manager, Now);
        order.Refund(card.Id, new Money(200), "tip back", Manager, Now);
        AssertRefused(DomainErrors.RefundExceedsPayment, () => order.Refund(card.Id, new Money(1), "more", Manager, Now));
    }

    [Fact]
    public void A_pending_refund_holds_its_amount_and_a_failed_one_gives_it_back()
    {
        var (order, card, _) = Paid();
        var first = order.Refund(card.Id, new Money(1200), "all of it", Manager, Now);
        AssertRefused(DomainErrors.RefundExceedsPayment, () => order.Refund(card.Id, new Money(1), "more", Manager, Now));

        order.RecordRefundOutcome(first.Id, new RefundResult(RefundStatus.Failed, "re_1", "expired_or_canceled_card"), Now);

        Assert.Equal(new Money(1200), order.RefundableOf(card));
        Assert.Equal("expired_or_canceled_card", first.FailureReason);
    }

    [Fact]
    public void Only_a_succeeded_tender_of_this_order_can_be_refunded()
    {
        var (order, _, _) = Paid();
        var declined = order.Tenders.Count;
        AssertRefused(DomainErrors.TenderNotRefundable, () => order.Refund("nope", new Money(100), "why", Manager, Now));
        Assert.Equal(declined, order.Tenders.Count);
    }

    [Fact]
    public void A_pending_tender_cannot_be_refunded()
    {
        var order = Order.Open("order-2", "T2", null, Now);
        order.ChangeItems([Line("soup")], [], Now);
        order.Submit(Now);
        order.CloseWithBill(Menu, Now);
        var card = order.TakePayment(new Money(600), [new NewTender(TenderMethod.Card, new Money(600), Money.Zero, "pm_card_visa")], Now, 1m)[0];
        AssertRefused(DomainErrors.TenderNotRefundable, () => order.Refund(card.Id, new Money(100), "why", Manager, Now));
    }

    [Fact]
    public void A_refund_needs_a_reason_and_a_positive_amount()
    {
        var (order, card, _) = Paid();
        AssertRefused(DomainErrors.InvalidReason, () => order.Refund(card.Id, new Money(100), "", Manager, Now));
        AssertRefused(DomainErrors.InvalidRefund, () => order.Refund(card.Id, Money.Zero, "why", Manager, Now));
        Assert.Empty(order.Refunds);
    }

    [Fact]
    public void A_refund_settles_once()
    {
        var (order, card, _) = Paid();
        var refund = order.Refund(card.Id, new Money(100), "why", Manager, Now);
        order.RecordRefundOutcome(refund.Id, new RefundResult(RefundStatus.Succeeded, "re_1", null), Now);
        AssertRefused(DomainErrors.RefundSettled,
            () => order.RecordRefundOutcome(refund.Id, new RefundResult(RefundStatus.Failed, "re_1", "lost"), Now));
        Assert.Equal(new Money(100), order.Refunded);
    }

    [Fact]
    public void The_charged_cards_brand_and_last_four_are_kept_for_the_receipt()
    {
        var (_, card, _) = Paid();
        Assert.Equal(("visa", "4242"), (card.CardBrand, card.CardLast4));
    }
}
