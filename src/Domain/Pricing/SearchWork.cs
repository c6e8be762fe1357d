namespace Restaurant.Domain.Pricing;

/// <summary>
/// The work one search has done, against its <see cref="PricingBudget"/>; every few hundred pivots or nodes it
/// checks whether the caller has given up.
/// </summary>
internal sealed class SearchWork(PricingBudget budget, CancellationToken cancellationToken)
{
    private const int CheckEvery = 256;

    public long Pivots { get; private set; }
    public long Nodes { get; private set; }

    /// <summary>True once either count has reached its budget: every solve and branch stops where it is.</summary>
    public bool Exhausted => Pivots >= budget.MaxPivots || Nodes >= budget.MaxNodes;

    public void CountPivot()
    {
        if (++Pivots % CheckEvery == 0) cancellationToken.ThrowIfCancellationRequested();
    }

    public void CountNode()
    {
        if (++Nodes % CheckEvery == 0) cancellationToken.ThrowIfCancellationRequested();
    }
}
