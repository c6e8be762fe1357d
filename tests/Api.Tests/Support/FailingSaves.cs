using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Restaurant.Api.Tests.Support;

/// <summary>Makes the database refuse a save that matches <paramref name="when"/>, <paramref name="times"/> times.</summary>
public sealed class FailingSaves(Func<DbContext, bool> when, int times = 1) : SaveChangesInterceptor
{
    private int _left = times;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && when(db) && Interlocked.Decrement(ref _left) >= 0)
            throw new InvalidOperationException("Injected database failure");
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
