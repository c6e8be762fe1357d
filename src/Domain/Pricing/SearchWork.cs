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

    /// <summary>True once some part of the search was left unexplored (the work ran out, or a solve gave up).</summary>
    public bool Abandoned { get; private set; }

    public void Abandon() => Abandoned = true;

    /// <summary>True once either count has reached its budget: every solve and branch stops where it is.</summary>
    public bool Exhausted => Pivots >= budget.MaxPivots || Nodes >= budget.MaxNodes;

    public void CountPivot()
    {
        if (++Pivots % CheckEvery == 0) cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The most branch rows on one path from the root.</summary>
    public int Depth { get; private set; }

    public void CountNode(int depth)
    {
        Depth = Math.Max(Depth, depth);
        if (++Nodes % CheckEvery == 0) cancellationToken.ThrowIfCancellationRequested();
    }
}
