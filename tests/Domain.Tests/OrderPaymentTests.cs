using FsCheck;
using FsCheck.Fluent;
using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;

namespace Restaurant.Domain.Tests;

public class OrderPaymentTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Menu Menu = DefaultMenu.Create();

    /// <summary>Burger, fries and soda, billed: one Burger Meal, 16.00.</summary>
    private static Order BilledOrder()
    {
        var order = Order.Open("order-1", "T1", null, Now);
        order.ChangeItems([Line("burger"), Line("fries"), Line("soda")], [], Now);
        order.Submit(Now);
        order.CloseWithBill(Menu, Now);
        return order;
    }

    private static NewLine Line(string itemId) => new(Menu.ItemToOrder(itemId), new Quantity(1), null, null);

    private static NewTender Card(long minor, long tip = 0, string token = "pm_card_visa") => new(TenderMethod.Card, new Money(minor), new Money(tip), token);

    private static NewTender Cash(long minor) => new(TenderMethod.Cash, new Money(minor), Money.Zero, null);

    private static TenderResult Succeeded(string paymentId = "pi_1") => new(TenderStatus.Succeeded, paymentId, null, null);

    private static TenderResult Declined() => new(TenderStatus.Declined, "pi_2", "generic_decline", "Your card was declined.");

    private static void AssertRefused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void Taking_a_payment_writes_cards_as_pending_with_keys_and_counts_cash_at_once()
    {
        var order = BilledOrder();
        var version = order.Version;

        var tenders = order.TakePayment(new Money(1600), [Card(1000, tip: 150), Cash(600)], Now, Tender.DefaultMaxTipRatio);

        Assert.Equal(2, tenders.Count);
        Assert.Equal(TenderStatus.Pending, tenders[0].Status);
        Assert.Equal(new Money(1150), tenders[0].Charge);
        Assert.Equal("USD", tenders[0].Currency);
        Assert.Equal("restaurant-tender-" + tenders[0].Id, tenders[0].GatewayKey);
        Assert.Equal(TenderStatus.Succeeded, tenders[1].Status);
        Assert.Null(tenders[1].GatewayKey);
        Assert.Equal([0, 1], tenders.Select(t => t.Index));
        Assert.Single(tenders.Select(t => t.AttemptId).Distinct());
        Assert.Equal(new Money(600), order.Paid);
        Assert.Equal(new Money(1000), order.Balance);
        Assert.Equal(OrderStatus.Billed, order.Status);
        Assert.True(order.Version > version);
    }

    [Fact]
    public void A_succeeded_card_counts_a_declined_one_does_not_and_a_zero_balance_settles_the_order()
    {
        var order = BilledOrder();
        var tenders = order.TakePayment(new Money(1600), [Card(1000), Card(600)], Now, Tender.DefaultMaxTipRatio);

        order.RecordOutcome(tenders[1].Id, Declined(), Now);
        order.RecordOutcome(tenders[0].Id, Succeeded(), Now);

        Assert.Equal(new Money(1000), order.Paid);
        Assert.Equal(new Money(600), order.Balance);
        Assert.Equal("generic_decline", tenders[1].DeclineCode);
        Assert.Equal(OrderStatus.Billed, order.Status);

        var rest = order.TakePayment(new Money(600), [Card(600)], Now, Tender.DefaultMaxTipRatio);
        order.RecordOutcome(rest[0].Id, Succeeded("pi_3"), Now);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(Money.Zero, order.Balance);
        AssertRefused(DomainErrors.OrderPaid, () => order.TakePayment(Money.Zero, [Card(1)], Now, Tender.DefaultMaxTipRatio));
    }

    [Fact]
    public void Cash_for_the_whole_balance_settles_the_order_in_the_same_step()
    {
        var order = BilledOrder();
        order.TakePayment(new Money(1600), [Cash(1600)], Now, Tender.DefaultMaxTipRatio);
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void A_diner_pays_a_part_of_the_balance_and_the_rest_stays_to_pay()
    {
        var order = BilledOrder();

        order.TakePayment(new Money(600), [Cash(600)], Now, Tender.DefaultMaxTipRatio);

        Assert.Equal(new Money(1000), order.Balance);
        Assert.Equal(PaymentStatus.PartiallyPaid, order.PaymentStatus);
        Assert.Equal(OrderStatus.Billed, order.Status);
        order.TakePayment(new Money(1000), [Cash(1000)], Now, Tender.DefaultMaxTipRatio);
        Assert.Equal(PaymentStatus.Paid, order.PaymentStatus);
    }

    [Fact]
    public void A_pending_card_holds_its_amount_back_until_its_outcome_is_known()
    {
        var order = BilledOrder();
        var first = order.TakePayment(new Money(1000), [Card(1000)], Now, Tender.DefaultMaxTipRatio);

        var refusal = Assert.Throws<DomainException>(() => order.TakePayment(new Money(700), [Card(700)], Now, Tender.DefaultMaxTipRatio));
        Assert.Equal(DomainErrors.TotalExceedsBalance, refusal.Code);
        Assert.Equal(new Money(1600), refusal.Facts["balance"]);
        Assert.Equal(new Money(1000), refusal.Facts["pending"]);
        Assert.Equal(new Money(1000), order.PendingAmount);

        // Another diner pays what is not held back, at the same time.
        var second = order.TakePayment(new Money(600), [Card(600)], Now, Tender.DefaultMaxTipRatio);
        // Learning that the first is still unknown changes nothing but the gateway's id.
        order.RecordOutcome(first[0].Id, new TenderResult(TenderStatus.Pending, "pi_processing", null, null), Now);
        Assert.Equal("pi_processing", first[0].PaymentId);
        AssertRefused(DomainErrors.TotalExceedsBalance, () => order.TakePayment(new Money(1), [Card(1)], Now, Tender.DefaultMaxTipRatio));

        // A decline gives its amount back to the balance; successes settle the order exactly at zero.
        order.RecordOutcome(first[0].Id, Declined(), Now);
        order.RecordOutcome(second[0].Id, Succeeded("pi_2nd"), Now);
        Assert.Equal(new Money(1000), order.Balance);
        var rest = order.TakePayment(new Money(1000), [Card(1000)], Now, Tender.DefaultMaxTipRatio);
        Assert.Equal(OrderStatus.Billed, order.Status);
        order.RecordOutcome(rest[0].Id, Succeeded("pi_rest"), Now);
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void A_total_above_the_balance_is_refused_with_the_balance()
    {
        var order = BilledOrder();
        order.TakePayment(new Money(600), [Cash(600)], Now, Tender.DefaultMaxTipRatio);

        // A phone that still shows the whole bill pays it after another diner paid their part.
        var refusal = Assert.Throws<DomainException>(() => order.TakePayment(new Money(1600), [Card(1600)], Now, Tender.DefaultMaxTipRatio));

        Assert.Equal(DomainErrors.TotalExceedsBalance, refusal.Code);
        Assert.Equal(new Money(1000), refusal.Facts["balance"]);
        Assert.Equal(Money.Zero, refusal.Facts["pending"]);
        Assert.Single(order.Tenders);
    }

    [Fact]
    public void Each_share_shows_what_the_tenders_tagged_with_its_diner_paid()
    {
        var order = BilledOrder();
        var tenders = order.TakePayment(new Money(900), [Card(500) with { Diner = "Ann" }, Cash(400) with { Diner = "Ann" }], Now, Tender.DefaultMaxTipRatio);
        order.TakePayment(new Money(300), [Cash(300)], Now, Tender.DefaultMaxTipRatio);

        Assert.Equal("Ann", tenders[0].Diner);
        Assert.Equal(new Money(400), order.PaidBy("Ann"));
        order.RecordOutcome(tenders[0].Id, Succeeded(), Now);
        Assert.Equal(new Money(900), order.PaidBy("Ann"));
        Assert.Equal(new Money(300), order.PaidBy(null));
        Assert.Equal(Money.Zero, order.PaidBy("Bob"));
    }

    [Fact]
    public void A_diner_name_on_a_tender_follows_the_text_rules()
    {
        var order = BilledOrder();
        AssertRefused(DomainErrors.InvalidPayment, () => order.TakePayment(new Money(100), [Cash(100) with { Diner = new string('d', 41) }], Now, 1m));
        AssertRefused(DomainErrors.InvalidText, () => order.TakePayment(new Money(100), [Cash(100) with { Diner = "A\u202Eb" }], Now, 1m));
        Assert.Empty(order.Tenders);
    }

    [Fact]
    public void Only_a_billed_order_takes_payments()
    {
        var order = Order.Open("order-1", "T1", null, Now);
        order.ChangeItems([Line("fries")], [], Now);
        AssertRefused(DomainErrors.NotBilled, () => order.TakePayment(new Money(400), [Card(400)], Now, Tender.DefaultMaxTipRatio));
    }

    public static TheoryData<NewTender[]> InvalidTenders() => new()
    {
        Array.Empty<NewTender>(),
        Enumerable.Repeat(Card(80), 20).Append(Card(0)).ToArray(),
        new[] { Card(0), Card(1600) },
        new[] { Card(1000), Card(500) },
        new[] { new NewTender(TenderMethod.Cash, new Money(1600), new Money(100), null) },
        new[] { new NewTender(TenderMethod.Cash, new Money(1600), Money.Zero, "pm_card_visa") },
        new[] { new NewTender(TenderMethod.Card, new Money(1600), Money.Zero, null) },
        new[] { new NewTender(TenderMethod.Card, new Money(1600), Money.Zero, new string('x', 256)) },
    };

    [Theory]
    [MemberData(nameof(InvalidTenders))]
    public void Tenders_that_do_not_make_a_payment_are_refused_and_nothing_changes(NewTender[] tenders)
    {
        var order = BilledOrder();
        var version = order.Version;
        AssertRefused(DomainErrors.InvalidPayment, () => order.TakePayment(new Money(1600), tenders, Now, Tender.DefaultMaxTipRatio));
        Assert.Empty(order.Tenders);
        Assert.Equal(version, order.Version);
    }

    [Theory]
    [InlineData(1.0, 1000, true)]
    [InlineData(1.0, 1001, false)]
    [InlineData(0.2, 200, true)]
    [InlineData(0.2, 201, false)]
    [InlineData(0.0, 0, true)]
    [InlineData(0.0, 1, false)]
    [InlineData(2.5, 2500, true)]
    public void A_tip_is_at_most_the_configured_ratio_of_its_tenders_amount(decimal maxTipRatio, long tip, bool allowed)
    {
        var order = BilledOrder();

        if (allowed)
        {
            order.TakePayment(new Money(1600), [Card(1000, tip), Cash(600)], Now, maxTipRatio);
            Assert.Equal(new Money(tip), order.Tenders[0].Tip);
            return;
        }
        var refusal = Assert.Throws<DomainException>(() => order.TakePayment(new Money(1600), [Card(1000, tip), Cash(600)], Now, maxTipRatio));
        Assert.Equal(DomainErrors.InvalidPayment, refusal.Code);
        Assert.Equal("tip", refusal.Field);
        Assert.Empty(order.Tenders);
    }

    [Fact]
    public void An_outcome_is_recorded_once_and_only_for_a_tender_of_the_order()
    {
        var order = BilledOrder();
        var tenders = order.TakePayment(new Money(1600), [Card(1000), Card(600)], Now, Tender.DefaultMaxTipRatio);
        order.RecordOutcome(tenders[0].Id, Succeeded(), Now);

        AssertRefused(DomainErrors.TenderSettled, () => order.RecordOutcome(tenders[0].Id, Declined(), Now));
        AssertRefused(DomainErrors.UnknownTender, () => order.RecordOutcome("nope", Succeeded(), Now));
        Assert.Equal(new Money(1000), order.Paid);
    }

    /// <summary>
    /// Whatever the calls (whole balances and parts, from any number of payers) and gateway answers, money is counted
    /// exactly once: what is paid is the sum of succeeded tenders, paid plus pending never exceeds the bill, a call is
    /// refused exactly when it asks for more than is left once pending cards are held back, and the order is paid
    /// exactly when nothing is left.
    /// </summary>
    [Fact]
    public void Any_sequence_of_payments_and_outcomes_keeps_the_books_straight()
    {
        var steps = Gen.Choose(0, 19).ArrayOf().Select(s => s.Take(60).ToArray());
        Prop.ForAll(steps.ToArbitrary(), script =>
        {
            var order = BilledOrder();
            var total = order.Bill!.Total;
            foreach (var step in script)
            {
                var pending = order.Tenders.Where(t => t.Status == TenderStatus.Pending).ToList();
                if (pending.Count > 0 && step < 8)
                {
                    var outcome = step % 4 == 0 ? Declined() : step % 4 == 1 ? new TenderResult(TenderStatus.Pending, null, null, null) : Succeeded($"pi_{step}");
                    order.RecordOutcome(pending[step % pending.Count].Id, outcome, Now);
                }
                else if (order.Status == OrderStatus.Billed)
                {
                    // A part of the balance, the whole of it, or (from a phone that shows an old balance) more.
                    var available = order.Balance!.Value.Minor - order.PendingAmount.Minor;
                    var asked = step >= 18 ? order.Balance!.Value.Minor + 1 : Math.Max(1, order.Balance!.Value.Minor * (step - 7) / 10);
                    NewTender[] tenders = step % 2 == 0 || asked < 2 ? [Card(asked)] : [Card(asked / 2), Cash(asked - asked / 2)];
                    if (asked > available) AssertRefused(DomainErrors.TotalExceedsBalance, () => order.TakePayment(new Money(asked), tenders, Now, Tender.DefaultMaxTipRatio));
                    else order.TakePayment(new Money(asked), tenders, Now, Tender.DefaultMaxTipRatio);
                }
                var succeeded = order.Tenders.Where(t => t.Status == TenderStatus.Succeeded).Sum(t => t.Amount.Minor);
                var stillPending = order.Tenders.Where(t => t.Status == TenderStatus.Pending).Sum(t => t.Amount.Minor);
                Assert.Equal(succeeded, order.Paid.Minor);
                Assert.Equal(stillPending, order.PendingAmount.Minor);
                Assert.True(succeeded + stillPending <= total.Minor);
                Assert.Equal(order.Balance == Money.Zero, order.Status == OrderStatus.Paid);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true));
    }
}
