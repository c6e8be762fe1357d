using System.Diagnostics;
using Restaurant.Domain.Pricing;

namespace Restaurant.Domain.Tests;

/// <summary>
/// The tableau on a small program whose answers are known: maximise 3x + 2y with x + y ≤ 4, x + 3y ≤ 6, x ≤ 3
/// (optimum 11 at x = 3, y = 1).
/// </summary>
public class SimplexTableauTests
{
    private static readonly int[] X = [0];
    private static readonly int[] Y = [1];

    private static SimplexTableau Solved(PricingBudget? budget = null)
    {
        var tableau = new SimplexTableau(2, [3, 2],
        [
            new ProgramRow([0, 1], [1, 1], 4, false),
            new ProgramRow([0, 1], [1, 3], 6, false),
            new ProgramRow([0], [1], 3, false),
        ], new SearchWork(budget ?? PricingBudget.Default, CancellationToken.None));
        Assert.Equal(SolveResult.Solved, tableau.Optimize());
        return tableau;
    }

    private static void AssertVertex(SimplexTableau tableau, double value, double x, double y)
    {
        Assert.Equal(value, tableau.Value, 9);
        Assert.Equal([x, y], tableau.Solution(), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void The_first_solve_finds_the_optimum()
    {
        using var tableau = Solved();
        AssertVertex(tableau, 11, 3, 1);
    }

    [Fact]
    public void A_copy_restores_its_branch_to_that_branch_optimum()
    {
        using var root = Solved();
        using var branch = root.Copy();
        branch.Add(X, 1, 2); // x ≤ 2: y = 4/3 by x + 3y ≤ 6
        Assert.Equal(SolveResult.Solved, branch.Restore(_ => false));
        AssertVertex(branch, 6 + 8.0 / 3, 2, 4.0 / 3);
    }

    [Fact]
    public void A_copy_leaves_its_parent_as_it_was()
    {
        using var root = Solved();
        using (var branch = root.Copy())
        {
            branch.Add(X, 1, 1);
            branch.Restore(_ => false);
        }
        AssertVertex(root, 11, 3, 1);
    }

    [Fact]
    public void The_parent_branches_on_its_own_rows_once_its_copy_is_gone()
    {
        using var root = Solved();
        using (var branch = root.Copy())
        {
            branch.Add(Y, 1, 0);
            branch.Restore(_ => false);
        }
        root.Add(Y, -1, -2); // y ≥ 2: x = 0 by x + 3y ≤ 6, y = 2
        Assert.Equal(SolveResult.Solved, root.Restore(_ => false));
        AssertVertex(root, 4, 0, 2);
    }

    [Fact]
    public void A_moved_limit_gives_the_vertex_a_fresh_row_would()
    {
        using var root = Solved();
        using var moved = root.Copy();
        var slack = moved.Add(X, 1, 2);
        moved.Restore(_ => false);
        moved.MoveLimit(slack, -1); // x ≤ 1
        Assert.Equal(SolveResult.Solved, moved.Restore(_ => false));
        AssertVertex(moved, 3 + 10.0 / 3, 1, 5.0 / 3);
    }

    [Fact]
    public void A_branch_without_solutions_is_pruned()
    {
        using var root = Solved();
        root.Add(X, -1, -4); // x ≥ 4, but x ≤ 3
        Assert.Equal(SolveResult.Pruned, root.Restore(_ => false));
    }

    [Fact]
    public void A_branch_that_cannot_win_is_pruned_before_it_is_solved()
    {
        using var root = Solved();
        root.Add(X, 1, 0);
        Assert.Equal(SolveResult.Pruned, root.Restore(value => value <= 11));
    }

    [Fact]
    public void A_solve_gives_up_when_the_work_runs_out()
    {
        using var tableau = new SimplexTableau(2, [3, 2], [new ProgramRow([0, 1], [1, 1], 4, false)], new SearchWork(new PricingBudget(MaxPivots: 0, MaxNodes: 10), CancellationToken.None));
        Assert.Equal(SolveResult.GaveUp, tableau.Optimize());
    }

    [Fact]
    public void Rows_added_past_the_room_left_are_laid_out_again_without_changing_the_answer()
    {
        // Each branch row adds a row and a column; forty of them outgrow the room a tableau leaves (a re-layout).
        using var root = Solved();
        using var branch = root.Copy();
        for (var k = 0; k < 40; k++) branch.Add(X, 1, 3 - k / 20.0);
        branch.Add(Y, 1, 0.5);
        Assert.Equal(SolveResult.Solved, branch.Restore(_ => false));
        AssertVertex(branch, 3 * 1.05 + 1, 1.05, 0.5);
    }

    [Fact]
    public void A_copy_counts_as_live_until_it_is_disposed()
    {
        using var root = Solved();
        var branch = root.Copy();
        Assert.Equal(1, root.LiveCopies);
        branch.Dispose();
        Assert.Equal(0, root.LiveCopies);
    }

    [Fact]
    public void Every_pivot_is_counted_in_the_search_work()
    {
        var work = new SearchWork(PricingBudget.Default, CancellationToken.None);
        using var tableau = new SimplexTableau(2, [3, 2], [new ProgramRow([0, 1], [1, 1], 4, false), new ProgramRow([0], [1], 3, false)], work);
        tableau.Optimize();
        Assert.Equal(2, work.Pivots); // x enters, then y
    }
}

#if DEBUG
/// <summary>The copy-on-write rule's debug assertion; alone, since it swaps the process's trace listeners.</summary>
[Collection(nameof(TraceListenerCollection))]
public class SimplexTableauLifetimeTests
{
    private sealed class Thrower : TraceListener
    {
        public override void Write(string? message) { }
        public override void WriteLine(string? message) { }
        public override void Fail(string? message, string? detailMessage) => throw new InvalidOperationException(message);
    }

    [Fact]
    public void Changing_a_tableau_while_a_copy_reads_its_rows_trips_the_debug_assertion()
    {
        var listeners = Trace.Listeners.Cast<TraceListener>().ToArray();
        Trace.Listeners.Clear();
        Trace.Listeners.Add(new Thrower());
        try
        {
            var root = new SimplexTableau(2, [3, 2], [new ProgramRow([0, 1], [1, 1], 4, false)], new SearchWork(PricingBudget.Default, CancellationToken.None));
            root.Optimize();
            using var branch = root.Copy();
            var failure = Assert.Throws<InvalidOperationException>(() => root.Add([0], 1, 1));
            Assert.Contains("copy", failure.Message);
        }
        finally
        {
            Trace.Listeners.Clear();
            Trace.Listeners.AddRange(listeners);
        }
    }
}

[CollectionDefinition(nameof(TraceListenerCollection), DisableParallelization = true)]
public class TraceListenerCollection;
#endif
