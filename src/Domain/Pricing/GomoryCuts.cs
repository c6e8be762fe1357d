namespace Restaurant.Domain.Pricing;

/// <summary>
/// Gomory cuts from an optimal tableau, made exact. A tableau row whose basic column is fractional is β times the
/// program's rows; its Gomory fractional cut is the Chvátal–Gomory cut Σ_j ⌊λ·A_j⌋ x_j ≤ ⌊λ·b⌋ with λ = frac(β).
/// That cut is valid for every bundling for any λ ≥ 0 (the rows are whole numbers, and so is every column of a
/// bundling), so λ is read from the doubles, snapped to multiples of 1/<see cref="Denominator"/>, and the cut is
/// then computed in integers: floating point can make a cut weaker, never wrong. β of a "≤" row is the row's
/// slack column in the tableau row; an "= 0" row (a slot link) has no slack, so its β is read from a fill that
/// only it links, less what the "≤" rows put there.
/// A pair bundle over an odd number of units is the typical case: the relaxation uses half a bundle, and the cut
/// (like 2·Σx ≤ 2k+1 ⇒ Σx ≤ k) takes the half away. Cut rows have small whole coefficients, so every later cut
/// round and every branch still works on whole rows.
/// </summary>
internal sealed class GomoryCuts
{
    /// <summary>lcm(1 … 12): the multipliers of small bases are exact.</summary>
    private const long Denominator = 27_720;
    private const double MinFraction = 0.01;
    private const double MinViolation = 1e-3;
    private readonly List<ProgramRow> _rows;
    private readonly List<int> _slackOf = []; // per row: its slack column, or −1 for an "= 0" row
    private readonly List<int> _privateColumnOf = []; // per "= 0" row: a column in no other "= 0" row
    private readonly List<(int Row, double Value)>[] _rowsOfColumn;

    public GomoryCuts(BundleProgram program)
    {
        _rows = [.. program.Rows];
        _rowsOfColumn = new List<(int, double)>[program.Variables];
        for (var j = 0; j < _rowsOfColumn.Length; j++) _rowsOfColumn[j] = [];
        var slack = program.Variables; // slacks are numbered as the tableau numbers them: in row order
        for (var i = 0; i < _rows.Count; i++)
        {
            _slackOf.Add(_rows[i].Equality ? -1 : slack++);
            for (var k = 0; k < _rows[i].Columns.Length; k++) _rowsOfColumn[_rows[i].Columns[k]].Add((i, _rows[i].Values[k]));
        }
        for (var i = 0; i < _rows.Count; i++)
            _privateColumnOf.Add(_rows[i].Equality
                ? Array.Find(_rows[i].Columns, j => _rowsOfColumn[j].Count(r => _rows[r.Row].Equality) == 1)
                : -1);
    }

    /// <summary>Up to <paramref name="max"/> cuts that <paramref name="x"/> (the tableau's vertex) breaks, most fractional rows first.</summary>
    public List<ProgramRow> From(SimplexTableau tableau, double[] x, int max)
    {
        var sources = new List<(double Distance, int Row)>();
        for (var r = 0; r < tableau.RowCount; r++)
        {
            if (tableau.BasicIn(r) < 0) continue;
            var value = tableau.ValueIn(r);
            var f = value - Math.Floor(value);
            if (f >= MinFraction && f <= 1 - MinFraction) sources.Add((Math.Abs(f - 0.5), r));
        }
        sources.Sort();
        var cuts = new List<ProgramRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, r) in sources)
        {
            if (cuts.Count == max) break;
            if (Cut(tableau.RowAt(r), x) is { } cut && seen.Add(string.Join(",", cut.Columns) + ":" + string.Join(",", cut.Values))) cuts.Add(cut);
        }
        return cuts;
    }

    /// <summary>Records a cut the tableau took, with its slack column, so later rounds can build on it.</summary>
    public void Added(ProgramRow cut, int slack)
    {
        for (var k = 0; k < cut.Columns.Length; k++) _rowsOfColumn[cut.Columns[k]].Add((_rows.Count, cut.Values[k]));
        _rows.Add(cut);
        _slackOf.Add(slack);
        _privateColumnOf.Add(-1);
    }

    private ProgramRow? Cut(ReadOnlySpan<double> tableauRow, double[] x)
    {
        // β: a "≤" row's from its slack column; an "= 0" row's from its private column, less the "≤" rows' part.
        var beta = new double[_rows.Count];
        for (var i = 0; i < _rows.Count; i++)
            if (_slackOf[i] >= 0) beta[i] = tableauRow[_slackOf[i]];
        for (var i = 0; i < _rows.Count; i++)
        {
            if (_slackOf[i] >= 0) continue;
            var column = _privateColumnOf[i];
            if (column < 0) return null;
            var rest = tableauRow[column];
            var own = 0.0;
            foreach (var (row, value) in _rowsOfColumn[column])
                if (row == i) own = value;
                else rest -= beta[row] * value;
            beta[i] = rest / own;
        }

        // λ = frac(β) in multiples of 1/Denominator, each in [0, 1): the cut in integers.
        foreach (var b in beta)
            if (!double.IsFinite(b) || Math.Abs(b) > 1e9) return null;
        var sums = new long[_rowsOfColumn.Length];
        long limit = 0;
        for (var i = 0; i < _rows.Count; i++)
        {
            var multiple = (long)Math.Round((beta[i] - Math.Floor(beta[i])) * Denominator) % Denominator;
            if (multiple == 0) continue;
            limit += multiple * (long)_rows[i].Limit;
            for (var k = 0; k < _rows[i].Columns.Length; k++) sums[_rows[i].Columns[k]] += multiple * (long)_rows[i].Values[k];
        }
        var columns = new List<int>();
        var values = new List<double>();
        var lhs = 0.0;
        for (var column = 0; column < sums.Length; column++)
        {
            if (sums[column] == 0) continue;
            var coefficient = (double)FloorDivide(sums[column], Denominator);
            if (coefficient == 0) continue;
            columns.Add(column);
            values.Add(coefficient);
            lhs += coefficient * x[column];
        }
        var whole = (double)FloorDivide(limit, Denominator);
        return columns.Count > 0 && lhs - whole > MinViolation ? new ProgramRow([.. columns], [.. values], whole, false) : null;
    }

    private static long FloorDivide(long a, long b) => a / b - (a % b < 0 ? 1 : 0);
}
