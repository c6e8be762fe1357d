namespace Restaurant.Api.Infrastructure;

/// <summary>
/// The database became unavailable while a change was being committed, or after a command had already committed part
/// of its work (a payment's tenders): the change may or may not have been applied, so nobody may repeat it blindly.
/// The server never does; the client repeats it with the same Idempotency-Key, or reads first.
/// </summary>
public sealed class WriteOutcomeUnknownException(Exception inner)
    : Exception("The database became unavailable while the change was being committed; it may or may not have been applied.", inner);
