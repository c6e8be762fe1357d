namespace Restaurant.Api.Persistence;

/// <summary>
/// A transaction's event numbers were drawn before it waited for its order (or the kitchen's sequence), and an event
/// committed meanwhile is numbered above them (PostgresEvents). Contention: the command runs again with a new number.
/// </summary>
public sealed class LateEventNumberException() : Exception("An event of the same order committed with a later number; the change runs again.");
