namespace Restaurant.Api.Tests.Support;

public enum FakeStripeFaultKind
{
    RateLimited,
    ServerError,
    HangBeforeCharge,
    HangAfterCharge,
    DropBeforeCharge,
    DropAfterCharge,
    Processing,
    /// <summary>A refund is executed but fails (the card's bank refused it).</summary>
    RefundFails,
}

/// <summary>What goes wrong with one upcoming POST. "Before" faults execute nothing and store nothing under the key.</summary>
public sealed record FakeStripeFault(FakeStripeFaultKind Kind, TimeSpan Delay = default, bool? ShouldRetry = null)
{
    /// <summary>429, nothing executed; <c>Stripe-Should-Retry</c> only when <paramref name="shouldRetry"/> is given.</summary>
    public static FakeStripeFault RateLimited(bool? shouldRetry = null) => new(FakeStripeFaultKind.RateLimited, ShouldRetry: shouldRetry);

    /// <summary>500 with <c>Stripe-Should-Retry: true</c>, nothing executed.</summary>
    public static FakeStripeFault ServerError { get; } = new(FakeStripeFaultKind.ServerError);

    /// <summary>Waits (or until the client gives up), executes nothing, then answers 500 with <c>Stripe-Should-Retry: true</c>.</summary>
    public static FakeStripeFault HangBeforeCharge(TimeSpan delay) => new(FakeStripeFaultKind.HangBeforeCharge, delay);

    /// <summary>
    /// Executes and records the charge, then holds the answer for <paramref name="delay"/> whether or not the client
    /// is still there; meanwhile the key is in use (409). Use <see cref="FakeStripe.WhenIdleAsync"/> to outwait it.
    /// </summary>
    public static FakeStripeFault HangAfterCharge(TimeSpan delay) => new(FakeStripeFaultKind.HangAfterCharge, delay);

    /// <summary>Aborts the connection without executing.</summary>
    public static FakeStripeFault DropBeforeCharge { get; } = new(FakeStripeFaultKind.DropBeforeCharge);

    /// <summary>Executes, records and stores the charge's response, then aborts the connection.</summary>
    public static FakeStripeFault DropAfterCharge { get; } = new(FakeStripeFaultKind.DropAfterCharge);

    /// <summary>Executes, but the intent answers <c>processing</c> until <see cref="FakeStripe.FinishProcessing"/>.</summary>
    public static FakeStripeFault Processing { get; } = new(FakeStripeFaultKind.Processing);

    /// <summary>A refund is executed and answers <c>failed</c> (with a <c>failure_reason</c>).</summary>
    public static FakeStripeFault RefundFails { get; } = new(FakeStripeFaultKind.RefundFails);
}
