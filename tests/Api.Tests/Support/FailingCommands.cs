using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Restaurant.Api.Tests.Support;

/// <summary>Makes the database refuse a statement whose SQL matches <paramref name="when"/>, <paramref name="times"/> times.</summary>
public sealed class FailingCommands(Func<string, bool> when, int times = 1) : DbCommandInterceptor
{
    private int _left = times;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (when(command.CommandText) && Interlocked.Decrement(ref _left) >= 0)
            throw new InvalidOperationException("Injected database failure");
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
