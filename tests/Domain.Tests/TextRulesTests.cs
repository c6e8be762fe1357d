using Restaurant.Domain.Menus;
using Restaurant.Domain.Orders;
using static Restaurant.Domain.Tests.TestMenus;

namespace Restaurant.Domain.Tests;

public class TextRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Every refused character: the C0 controls, DEL, the bidirectional overrides and the isolates.</summary>
    public static TheoryData<char> Refused() =>
        new([.. Enumerable.Range(0x00, 0x20).Select(c => (char)c), '\u007F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    /// <summary>Their neighbours, and text a diner really types (accents, scripts written right to left, emoji).</summary>
    public static TheoryData<string> Allowed() =>
        new(" ", "~", "\u0080", "\u00A0", "\u2029", "\u202F", "\u2065", "\u206A", "Crème brûlée", "شاي بالنعناع", "Tea 🍵", "50% off, \"no\" nuts");

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_control_character_or_bidirectional_override_anywhere_in_a_text_is_refused(char refused)
    {
        Assert.False(TextRules.IsClean($"{refused}"));
        Assert.False(TextRules.IsClean($"no onions{refused}"));
        Assert.False(TextRules.IsClean($"{refused}no onions"));
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Ordinary_text_and_the_neighbours_of_refused_characters_are_clean(string text) => Assert.True(TextRules.IsClean(text));

    [Fact]
    public void No_text_at_all_is_clean() => Assert.True(TextRules.IsClean(null));

    [Fact]
    public void The_refusal_names_the_field_and_carries_its_code()
    {
        var refusal = Assert.Throws<DomainException>(() => TextRules.Ensure("a\u202Eb", "note"));

        Assert.Equal(DomainErrors.InvalidText, refusal.Code);
        Assert.Equal("note", refusal.Field);
    }

    [Theory]
    [InlineData("\0", null, "diner")]
    [InlineData("Bo\u202E", null, "diner")]
    [InlineData(null, "no\nonions", "note")]
    [InlineData(null, "\u2066hot\u2069", "note")]
    public void An_order_refuses_a_diner_or_note_with_a_refused_character_and_adds_nothing(string? diner, string? note, string field)
    {
        var menu = DefaultMenu.Create();
        var order = Order.Open("order-1", "T1", null, Now);
        var clean = new NewLine(menu.ItemToOrder("tea"), new Quantity(1), "Al", "hot");
        var unclean = new NewLine(menu.ItemToOrder("coffee"), new Quantity(1), diner, note);

        var refusal = Assert.Throws<DomainException>(() => order.ChangeItems([clean, unclean], [], Now));

        Assert.Equal(DomainErrors.InvalidText, refusal.Code);
        Assert.Equal(field, refusal.Field);
        Assert.Empty(order.Lines);
        Assert.Equal(0, order.Version);
    }

    [Fact]
    public void A_payment_refuses_a_card_token_with_a_refused_character()
    {
        var menu = DefaultMenu.Create();
        var order = Order.Open("order-1", "T1", null, Now);
        order.ChangeItems([new NewLine(menu.ItemToOrder("tea"), new Quantity(1), null, null)], [], Now);
        order.Submit(Now);
        order.CloseWithBill(menu, Now);

        var refusal = Assert.Throws<DomainException>(() =>
            order.TakePayment(new Money(250), [new NewTender(TenderMethod.Card, new Money(250), Money.Zero, "pm_card_visa\0")], Now, Tender.DefaultMaxTipRatio));

        Assert.Equal(DomainErrors.InvalidText, refusal.Code);
        Assert.Equal("cardToken", refusal.Field);
        Assert.Empty(order.Tenders);
    }

    public static TheoryData<string, MenuItem[], Bundle[]> UncleanMenus() => new()
    {
        { "items[1].name", [Item("tea", "Tea", "drinks", 2.5m), Item("coffee", "Cof\0fee", "drinks", 3m)], [] },
        { "items[0].category", [Item("tea", "Tea", "drinks\u202E", 2.5m)], [] },
        { "items[0].id", [Item("tea\u0007", "Tea", "drinks", 2.5m)], [] },
        { "bundles[0].name", [Item("tea", "Tea", "drinks", 2.5m)], [Bundle("two-teas", "Two\tteas", 4m, ["tea"], ["tea"])] },
        { "bundles[0].id", [Item("tea", "Tea", "drinks", 2.5m)], [Bundle("two\u2067teas", "Two teas", 4m, ["tea"], ["tea"])] },
        { "bundles[0].slots[1]", [Item("tea", "Tea", "drinks", 2.5m)], [Bundle("two-teas", "Two teas", 4m, ["tea"], ["tea\u007F"])] },
    };

    [Theory]
    [MemberData(nameof(UncleanMenus))]
    public void A_menu_refuses_ids_and_names_with_a_refused_character_naming_where(string where, MenuItem[] items, Bundle[] bundles)
    {
        var refusal = Assert.Throws<DomainException>(() => new Menu("USD", 0m, items, bundles));

        Assert.Equal(DomainErrors.InvalidMenu, refusal.Code);
        Assert.Contains(new FieldProblem(where, TextRules.Refusal), refusal.Problems);
    }
}
