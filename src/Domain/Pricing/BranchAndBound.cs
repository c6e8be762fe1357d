namespace Restaurant.Domain.Pricing;

/// <summary>
/// The most saving bundling of one <see cref="BundleProgram"/>: branch and bound on bundle counts over the linear
/// relaxation, depth first. The rounded root relaxation (<see cref="Incumbent"/>) is the first bundling to beat. A
/// short search (at most <see cref="QuickNodes"/> nodes) branches on single bundle counts; if it does not finish,
/// exact Gomory cuts (<see cref="GomoryCuts"/>) tighten the root and the full search branches on the totals of
/// families of bundles first (<see cref="BundleProgram.Families"/>). A node branches on the first fractional total,
/// the ceiling branch first: on a copy of its parent's tableau for the ceiling branch and on the parent's own for
/// the floor branch, one row per branching key (<see cref="BranchRows"/>), each restored by dual simplex, which gives
/// up as soon as the node cannot beat the best bundling found. Savings are whole cents, so a node whose bound does
/// not reach the next cent is done. Every vertex is checked against its rows; a node whose tableau rounding error
/// broke, or that the <see cref="SearchWork"/> budget leaves unexplored, leaves the bundling unproven. Ties go to the
/// first bundling found.
/// </summary>
internal sealed class BranchAndBound
{
    // Cut rounds go on until six in a row lower the bound by less than half a cent, or 128 cuts: on the shapes the
    // adversarial search found, rounds that barely move the bound often close the gap a few rounds later.
    private const int MaxStalls = 6;
    private const int MaxCuts = 128;
    private const int MaxCutsPerRound = 8;
    private const int QuickNodes = 32;
    private readonly BundleProgram _program;
    private readonly SearchWork _work;
    private readonly Func<double, bool> _cannotWin;
    private List<ProgramRow> _rows;
    private bool _quick; // in the short search
    private int _quickNodesLeft;
    private bool _quickUnfinished;
    private long _bestSaving;
    private int[] _bestFills;

    public BranchAndBound(BundleProgram program, SearchWork work)
    {
        _program = program;
        _work = work;
        _cannotWin = CannotWin;
        _bestFills = new int[program.Fills.Length];
        _rows = program.Rows;
    }

    /// <summary>The fill counts of the best bundling found (all zero: no bundle saves anything).</summary>
    public int[] Solve()
    {
        var root = new SimplexTableau(_program.Variables, _program.Gains, _program.Rows, _work);
        try
        {
            if (root.Optimize() != SolveResult.Solved)
            {
                GiveUp();
                var greedy = new int[_program.Fills.Length];
                Incumbent.AddUses(_program, greedy);
                Consider(greedy);
                return _bestFills;
            }
            Consider(Incumbent.FromRelaxation(_program, root.Solution()));
            if (CannotWin(root.Value)) return _bestFills;
            // Most tables finish in a few nodes: a short search first, on a copy, and cuts only if it does not finish.
            using (var quick = root.Copy())
            {
                (_quick, _quickNodesLeft) = (true, QuickNodes);
                Explore(quick, new BranchRows(_program.Fills.Length + _program.Singles.Length), 0);
                _quick = false;
            }
            if (!_quickUnfinished) return _bestFills;
            var (cuts, solved) = Cuts(root);
            _rows = [.. _program.Rows, .. cuts];
            if (!solved || !Sound(root, null))
            {
                // Rounding error from the cut rounds: a fresh tableau for the program and its cuts (every cut's limit
                // is at least zero, so the slacks are a feasible start again).
                root.Dispose();
                root = new SimplexTableau(_program.Variables, _program.Gains, _rows, _work);
                if (root.Optimize() != SolveResult.Solved)
                {
                    GiveUp();
                    return _bestFills;
                }
            }
            if (cuts.Count > 0) Consider(Incumbent.FromRelaxation(_program, root.Solution()));
            Explore(root, new BranchRows(_program.Fills.Length + _program.Singles.Length + _program.Families.Length), 0);
            return _bestFills;
        }
        finally
        {
            root.Dispose();
        }
    }

    /// <summary>
    /// Rounds of Gomory cuts on the solved root, while the bound keeps falling, added to the tableau; whether the
    /// tableau is solved at the end (a round's dual simplex may give up on rounding error; the cuts, being exact,
    /// stay).
    /// </summary>
    private (List<ProgramRow> Cuts, bool Solved) Cuts(SimplexTableau tableau)
    {
        var generator = new GomoryCuts(_program);
        var cuts = new List<ProgramRow>();
        var stalled = 0;
        while (cuts.Count < MaxCuts && stalled < MaxStalls && !_work.Exhausted && !CannotWin(tableau.Value))
        {
            var found = generator.From(tableau, tableau.Solution(), Math.Min(MaxCutsPerRound, MaxCuts - cuts.Count));
            if (found.Count == 0) break;
            var before = tableau.Value;
            foreach (var cut in found)
            {
                generator.Added(cut, tableau.Add(cut.Columns, cut.Values, cut.Limit));
                cuts.Add(cut);
            }
            // A round's cuts are a few rows, which a sound dual simplex restores in a few pivots each.
            if (tableau.Restore(_ => false, maxIterations: 10 * found.Count + 20) != SolveResult.Solved) return (cuts, false);
            stalled = before - tableau.Value < 0.5 ? stalled + 1 : 0;
        }
        return (cuts, true);
    }

    /// <summary>
    /// Whether the tableau's vertex keeps every row it should (the program's, the cuts, the path's branch rows) and
    /// its objective is the tableau's value: rounding error that broke either would make the bound unsafe.
    /// </summary>
    private bool Sound(SimplexTableau tableau, BranchRows? branchRows)
    {
        const double tolerance = 1e-6;
        var x = tableau.Solution();
        foreach (var row in _rows)
        {
            var lhs = 0.0;
            for (var k = 0; k < row.Columns.Length; k++) lhs += row.Values[k] * x[row.Columns[k]];
            if (row.Equality ? Math.Abs(lhs - row.Limit) > tolerance : lhs > row.Limit + tolerance) return false;
        }
        if (branchRows is not null && !branchRows.Hold(x, ColumnsOf, tolerance)) return false;
        var value = 0.0;
        for (var j = 0; j < x.Length; j++) value += _program.Gains[j] * x[j];
        return Math.Abs(value - tableau.Value) <= tolerance * Math.Max(1, Math.Abs(value));
    }

    /// <summary>The columns a branching key sums: a family's, or one fill's.</summary>
    private int[] ColumnsOf(int key)
    {
        var (fills, singles) = (_program.Fills.Length, _program.Singles.Length);
        return key < fills ? [key] : key < fills + singles ? _program.Singles[key - fills] : _program.Families[key - fills - singles];
    }

    /// <summary>A relaxation that cannot reach the next cent cannot win. The tolerance grows with the value, as a
    /// double's rounding does.</summary>
    private bool CannotWin(double relaxation) =>
        (long)Math.Floor(relaxation + Math.Max(1e-6, Math.Abs(relaxation) * 1e-12)) <= _bestSaving;

    /// <summary>Explores the node whose relaxation the tableau holds, solved; the tableau and rows are spent afterwards.</summary>
    private void Explore(SimplexTableau tableau, BranchRows rows, int depth)
    {
        if (_quick && --_quickNodesLeft < 0)
        {
            _quickUnfinished = true;
            return;
        }
        _work.CountNode(depth);
        if (CannotWin(tableau.Value)) return;
        if (_work.Exhausted)
        {
            GiveUp();
            return;
        }
        var x = tableau.Solution();
        if (!Sound(tableau, rows))
        {
            GiveUp();
            return;
        }
        // Branch on the first clearly fractional total, so that both branches tighten a bound by at least one.
        // Keys: the fills, then the single bundles, then the families. The short search branches on single bundles,
        // which ordinary tables settle in the fewest nodes; the full search on families first, which symmetric tables
        // need. Once the counts are whole the fills are too (a flow problem's vertex); a fill that is not, by
        // rounding error, is branched on itself.
        var (fillCount, singles) = (_program.Fills.Length, _program.Singles);
        if (!_quick)
        {
            var families = _program.Families;
            for (var k = 0; k < families.Length; k++)
                if (Fractional(families[k], x) is { } total)
                {
                    Branch(tableau, rows, fillCount + singles.Length + k, families[k], total, depth);
                    return;
                }
        }
        for (var k = 0; k < singles.Length; k++)
            if (Fractional(singles[k], x) is { } count)
            {
                Branch(tableau, rows, fillCount + k, singles[k], count, depth);
                return;
            }
        for (var f = 0; f < fillCount; f++)
            if (Math.Abs(x[f] - Math.Round(x[f])) > 1e-6)
            {
                Branch(tableau, rows, f, [f], x[f], depth);
                return;
            }
        var z = new int[_program.Fills.Length];
        for (var f = 0; f < z.Length; f++) z[f] = (int)Math.Round(x[f]);
        Consider(z);
    }

    private static double? Fractional(int[] columns, double[] x)
    {
        var total = 0.0;
        foreach (var f in columns) total += x[f];
        return Math.Abs(total - Math.Round(total)) > 1e-6 ? total : null;
    }

    /// <summary>Σ x[columns] ≥ ⌈total⌉ on a copy, then Σ x[columns] ≤ ⌊total⌋ on the tableau itself.</summary>
    private void Branch(SimplexTableau tableau, BranchRows rows, int key, int[] columns, double total, int depth)
    {
        using (var above = tableau.Copy())
        {
            var aboveRows = rows.Copy();
            if (aboveRows.AtLeast(above, key, columns, Math.Ceiling(total))) Continue(above, aboveRows, depth);
            else GiveUp();
        }
        if (rows.AtMost(tableau, key, columns, Math.Floor(total))) Continue(tableau, rows, depth);
        else GiveUp();
    }

    /// <summary>Restores a branch's tableau and explores it, unless it is pruned; a branch given up leaves the search unproven.</summary>
    private void Continue(SimplexTableau tableau, BranchRows rows, int depth)
    {
        switch (tableau.Restore(_cannotWin))
        {
            case SolveResult.Solved:
                Explore(tableau, rows, depth + 1);
                break;
            case SolveResult.GaveUp:
                GiveUp();
                break;
        }
    }

    /// <summary>
    /// Leaves part of the search unexplored: in the short search, that only means it did not finish (the full search
    /// follows); in the full search, the bill is not proven.
    /// </summary>
    private void GiveUp()
    {
        if (_quick) _quickUnfinished = true;
        else _work.Abandon();
    }

    /// <summary>Keeps integral fills only if they are a bundling (checked exactly) that saves more.</summary>
    private void Consider(int[] z)
    {
        if (_program.Saving(z) is not { } saving || saving <= _bestSaving) return;
        _bestSaving = saving;
        _bestFills = z;
    }
}
