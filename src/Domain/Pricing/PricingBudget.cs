namespace Restaurant.Domain.Pricing;

/// <summary>
/// The most work one bill's bundle search may do before it settles for the best bundling found so far (the bill then
/// says it is not proven optimal). Counted in simplex pivots and search nodes, never in time, so the same order always
/// gets the same bill. The default caps a bill at a fraction of a second on the largest program the menu limits allow
/// (docs/benchmarks.md); no menu the adversarial search found comes near it.
/// </summary>
public sealed record PricingBudget(long MaxPivots, long MaxNodes)
{
    public static PricingBudget Default { get; } = new(MaxPivots: 20_000, MaxNodes: 5_000);
}
