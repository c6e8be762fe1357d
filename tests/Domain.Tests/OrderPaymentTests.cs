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
        var order = Order.Open("order-1", "T1", null, "hash", Now);
        order.ChangeItems([Line("burger"), Line("fries"), Line("soda")], []);
        order.Submit(Now);
        order.CloseWithBill(Menu);
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

        order.RecordOutcome(tenders[1].Id, Declined());
        order.RecordOutcome(tenders[0].Id, Succeeded());

        Assert.Equal(new Money(1000), order.Paid);
        Assert.Equal(new Money(600), order.Balance);
        Assert.Equal("generic_decline", tenders[1].DeclineCode);
        Assert.Equal(OrderStatus.Billed, order.Status);

        var rest = order.TakePayment(new Money(600), [Card(600)], Now, Tender.DefaultMaxTipRatio);
        order.RecordOutcome(rest[0].Id, Succeeded("pi_3"));
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
    public void While_a_card_is_pending_no_other_payment_starts()
    {
        var order = BilledOrder();
        var tenders = order.TakePayment(new Money(1600), [Card(1000), Cash(600)], Now, Tender.DefaultMaxTipRatio);

        AssertRefused(DomainErrors.PaymentInProgress, () => order.TakePayment(new Money(1000), [Card(1000)], Now, Tender.DefaultMaxTipRatio));
        // Learning that it is still unknown changes nothing but the gateway's id.
        order.RecordOutcome(tenders[0].Id, new TenderResult(TenderStatus.Pending, "pi_processing", null, null));
        Assert.Equal("pi_processing", tenders[0].PaymentId);
        AssertRefused(DomainErrors.PaymentInProgress, () => order.TakePayment(new Money(1000), [Card(1000)], Now, Tender.DefaultMaxTipRatio));
        order.RecordOutcome(tenders[0].Id, Succeeded());
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void A_total_other_than_the_balance_is_refused_with_the_balance()
    {
        var order = BilledOrder();
        var refusal = Assert.Throws<DomainException>(() => order.TakePayment(new Money(1500), [Card(1500)], Now, Tender.DefaultMaxTipRatio));
        Assert.Equal(DomainErrors.TotalMismatch, refusal.Code);
        Assert.Equal(new Money(1600), refusal.Facts["balance"]);
        Assert.Empty(order.Tenders);
    }

    [Fact]
    public void Only_a_billed_order_takes_payments()
    {
        var order = Order.Open("order-1", "T1", null, "hash", Now);
        order.ChangeItems([Line("fries")], []);
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
        order.RecordOutcome(tenders[0].Id, Succeeded());

        AssertRefused(DomainErrors.TenderSettled, () => order.RecordOutcome(tenders[0].Id, Declined()));
        AssertRefused(DomainErrors.UnknownTender, () => order.RecordOutcome("nope", Succeeded()));
        Assert.Equal(new Money(1000), order.Paid);
    }

    /// <summary>
    /// Whatever the calls and gateway answers, money is counted exactly once: what is paid is the sum of succeeded
    /// tenders, paid plus pending never exceeds the bill, and the order is paid exactly when nothing is left.
    /// </summary>
    [Fact]
    public void Any_sequence_of_payments_and_outcomes_keeps_the_books_straight()
    {
        var steps = Gen.Choose(0, 9).ArrayOf().Select(s => s.Take(40).ToArray());
        Prop.ForAll(steps.ToArbitrary(), script =>
        {
            var order = BilledOrder();
            var total = order.Bill!.Total;
            foreach (var step in script)
            {
                var pending = order.Tenders.Where(t => t.Status == TenderStatus.Pending).ToList();
                if (pending.Count > 0 && step < 6)
                {
                    order.RecordOutcome(pending[step % pending.Count].Id, step % 3 == 0 ? Declined() : Succeeded($"pi_{step}"));
                }
                else if (order.Status == OrderStatus.Billed && pending.Count == 0)
                {
                    var balance = order.Balance!.Value.Minor;
                    var cardShare = balance * (step + 1) / 10;
                    NewTender[] tenders = cardShare == 0 || cardShare == balance ? [Card(balance)] : [Card(cardShare), Cash(balance - cardShare)];
                    order.TakePayment(new Money(balance), tenders, Now, Tender.DefaultMaxTipRatio);
                }
                var succeeded = order.Tenders.Where(t => t.Status == TenderStatus.Succeeded).Sum(t => t.Amount.Minor);
                var stillPending = order.Tenders.Where(t => t.Status == TenderStatus.Pending).Sum(t => t.Amount.Minor);
                Assert.Equal(succeeded, order.Paid.Minor);
                Assert.True(succeeded + stillPending <= total.Minor);
                Assert.Equal(order.Balance == Money.Zero, order.Status == OrderStatus.Paid);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true));
    }
}
