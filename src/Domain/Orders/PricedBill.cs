using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Orders;

/// <summary>A bill priced from an order as it was at <see cref="OrderVersion"/>; it may close only that version.</summary>
public sealed record PricedBill(Bill Bill, long OrderVersion);
