namespace Restaurant.Domain.Pricing;

/// <summary>
/// The branch rows on one path of the search: for each thing branched on (a family's total or a fill), at most one
/// "at most" row and one "at least" row, whose limit is moved when the path branches on it again. So a tableau
/// grows by at most two rows per branching key, however deep the path.
/// </summary>
internal sealed class BranchRows
{
    private readonly int[] _atMostSlack;
    private readonly int[] _atLeastSlack;
    private readonly double[] _atMost;
    private readonly double[] _atLeast;

    public BranchRows(int keys)
    {
        _atMostSlack = new int[keys];
        _atLeastSlack = new int[keys];
        Array.Fill(_atMostSlack, -1);
        Array.Fill(_atLeastSlack, -1);
        _atMost = new double[keys];
        _atLeast = new double[keys];
    }

    private BranchRows(BranchRows other)
    {
        _atMostSlack = [.. other._atMostSlack];
        _atLeastSlack = [.. other._atLeastSlack];
        _atMost = [.. other._atMost];
        _atLeast = [.. other._atLeast];
    }

    /// <summary>Whether <paramref name="x"/> keeps every branch row, within <paramref name="tolerance"/>.</summary>
    public bool Hold(double[] x, Func<int, int[]> columnsOf, double tolerance)
    {
        for (var key = 0; key < _atMostSlack.Length; key++)
        {
            if (_atMostSlack[key] < 0 && _atLeastSlack[key] < 0) continue;
            var total = 0.0;
            foreach (var column in columnsOf(key)) total += x[column];
            if (_atMostSlack[key] >= 0 && total > _atMost[key] + tolerance) return false;
            if (_atLeastSlack[key] >= 0 && total < _atLeast[key] - tolerance) return false;
        }
        return true;
    }

    /// <summary>The rows of a branch taken on a copy of the tableau.</summary>
    public BranchRows Copy() => new(this);

    /// <summary>
    /// Σ x[columns] ≤ limit; false, changing nothing, if the path already had a limit as tight (then the vertex broke
    /// a row of its own tableau: rounding error has made the tableau unreliable).
    /// </summary>
    public bool AtMost(SimplexTableau tableau, int key, int[] columns, double limit)
    {
        if (_atMostSlack[key] < 0) _atMostSlack[key] = tableau.Add(columns, 1, limit);
        else if (limit < _atMost[key]) tableau.MoveLimit(_atMostSlack[key], limit - _atMost[key]);
        else return false;
        _atMost[key] = limit;
        return true;
    }

    /// <summary>Σ x[columns] ≥ limit, kept as −Σ x[columns] ≤ −limit; false as <see cref="AtMost"/>.</summary>
    public bool AtLeast(SimplexTableau tableau, int key, int[] columns, double limit)
    {
        if (_atLeastSlack[key] < 0) _atLeastSlack[key] = tableau.Add(columns, -1, -limit);
        else if (limit > _atLeast[key]) tableau.MoveLimit(_atLeastSlack[key], _atLeast[key] - limit);
        else return false;
        _atLeast[key] = limit;
        return true;
    }
}
