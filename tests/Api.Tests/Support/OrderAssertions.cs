using System.Text.Json.Nodes;

namespace Restaurant.Api.Tests.Support;

public static class OrderAssertions
{
    /// <summary>The view of an order nobody has added to yet: open, nothing pending or sent, no bill, no payments.</summary>
    public static void AssertNewOpenOrder(JsonObject order, string table)
    {
        Assert.Equal(table, order["table"].Text());
        Assert.Equal("open", order["status"].Text());
        Assert.Empty(order["pending"]!.AsArray());
        Assert.Empty(order["tickets"]!.AsArray());
        Assert.True(order.ContainsKey("bill"));
        Assert.Null(order["bill"]);
        Assert.Empty(order["payments"]!.AsArray());
        Assert.True(order.ContainsKey("balance"));
        Assert.Null(order["balance"]);
    }
}
