using Microsoft.Extensions.Logging.Abstractions;
using Restaurant.Api.Features.Orders;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Tests.Support;

/// <summary>
/// The real pricer, except that a test may hold the next bill in its pricing until it lets go: the stand-in for a
/// bill that takes long to price, so a test can show what does and does not wait for one.
/// </summary>
public sealed class HeldBillPricer() : BillPricer(NullLogger<BillPricer>.Instance)
{
    private Hold? _next;

    /// <summary>Holds the next bill priced; <see cref="Hold.Entered"/> completes once its pricing has started.</summary>
    public Hold HoldNext() => _next = new Hold();

    public override async Task<PricedBill> PriceAsync(Order order, Domain.Menus.Menu menu, int menuVersion, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _next, null) is { } hold)
        {
            hold.Start();
            try
            {
                await hold.Released.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                hold.Cancel();
                throw;
            }
        }
        return await base.PriceAsync(order, menu, menuVersion, cancellationToken);
    }

    public sealed class Hold
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;
        public Task Released => _released.Task;
        /// <summary>Completes when the caller's cancellation reached the held pricing.</summary>
        public Task Cancelled => _cancelled.Task;

        public void Release() => _released.TrySetResult();

        internal void Start() => _entered.TrySetResult();

        internal void Cancel() => _cancelled.TrySetResult();
    }
}
