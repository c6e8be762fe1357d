namespace Restaurant.Domain.Pricing;

/// <summary>
/// The most saving bundling of one <see cref="BundleProgram"/>: branch and bound on bundle counts over the linear
/// relaxation, depth first. The rounded root relaxation (<see cref="Incumbent"/>) is the first bundling to beat.
/// A node branches on the first family of bundles (<see cref="BundleProgram.Families"/>) whose total count is
/// fractional, the ceiling branch first: one added row, on a copy of its parent's tableau for the ceiling branch and
/// on the parent's own for the floor branch, each restored by dual simplex, which gives up as soon as the node cannot
/// beat the best bundling found. Savings are whole cents, so a node whose bound does not reach the next cent is done.
/// The search stops where it is when its <see cref="SearchWork"/> is exhausted; ties go to the first bundling found.
/// </summary>
internal sealed class BranchAndBound
{
    private readonly BundleProgram _program;
    private readonly SearchWork _work;
    private readonly Func<double, bool> _cannotWin;
    private long _bestSaving;
    private int[] _bestFills;

    public BranchAndBound(BundleProgram program, SearchWork work)
    {
        _program = program;
        _work = work;
        _cannotWin = CannotWin;
        _bestFills = new int[program.Fills.Length];
    }

    /// <summary>The fill counts of the best bundling found (all zero: no bundle saves anything).</summary>
    public int[] Solve()
    {
        using var tableau = new SimplexTableau(_program.Variables, _program.Gains, _program.Rows, _work);
        if (!tableau.Optimize())
        {
            var greedy = new int[_program.Fills.Length];
            Incumbent.AddUses(_program, greedy);
            Consider(greedy);
            return _bestFills;
        }
        Consider(Incumbent.FromRelaxation(_program, tableau.Solution()));
        Explore(tableau);
        return _bestFills;
    }

    /// <summary>A relaxation that cannot reach the next cent cannot win. The tolerance grows with the value, as a
    /// double's rounding does.</summary>
    private bool CannotWin(double relaxation) =>
        (long)Math.Floor(relaxation + Math.Max(1e-6, Math.Abs(relaxation) * 1e-12)) <= _bestSaving;

    /// <summary>Explores the node whose relaxation the tableau holds, solved; the tableau is spent afterwards.</summary>
    private void Explore(SimplexTableau tableau)
    {
        _work.CountNode();
        if (_work.Exhausted || CannotWin(tableau.Value)) return;
        var x = tableau.Solution();
        // Branch on the first clearly fractional total, so that both branches tighten a bound by at least one.
        foreach (var family in _program.Families)
        {
            var count = 0.0;
            foreach (var f in family) count += x[f];
            if (Math.Abs(count - Math.Round(count)) <= 1e-6) continue;

            using (var above = tableau.Copy())
            {
                above.Add(family, -1, -Math.Ceiling(count));
                if (above.Restore(_cannotWin)) Explore(above);
            }
            tableau.Add(family, 1, Math.Floor(count));
            if (tableau.Restore(_cannotWin)) Explore(tableau);
            return;
        }
        var z = new int[_program.Fills.Length];
        for (var f = 0; f < z.Length; f++) z[f] = (int)Math.Round(x[f]);
        Consider(z);
    }

    /// <summary>Keeps integral fills only if they are a bundling (checked exactly) that saves more.</summary>
    private void Consider(int[] z)
    {
        if (_program.Saving(z) is not { } saving || saving <= _bestSaving) return;
        _bestSaving = saving;
        _bestFills = z;
    }
}
