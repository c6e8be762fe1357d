namespace Restaurant.Domain.Pricing;

/// <summary>
/// The bundle uses chosen for a table. <see cref="Optimal"/> is false only if the search ran out of its
/// <see cref="PricingBudget"/> before it proved that no bundling saves more; the choices are then the best it found.
/// <see cref="Pivots"/> and <see cref="Nodes"/> are the work it took, <see cref="Depth"/> the most branch rows on one path (for benchmarks and the adversarial search).
/// </summary>
public sealed record BundlePlan(IReadOnlyList<BundleChoice> Choices, bool Optimal, long Pivots, long Nodes, int Depth);
