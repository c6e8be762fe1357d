using Restaurant.Api.Features.Shared;

namespace Restaurant.Api.Features.Orders;

/// <summary>
/// The answer to a change of items sent with <c>Prefer: return=minimal</c>: the lines it added, the lines it removed,
/// the order's new version and two counts, instead of the whole order (docs/api.md). Built from what the change
/// itself loaded, so it costs the same however many lines the order holds.
/// </summary>
/// <param name="Units">Units on the order now, voided ones included (the order's limit counts them).</param>
/// <param name="Pending">Lines waiting for the next submit (pending, not held).</param>
public sealed record ItemsChangedView(string OrderId, long Version, IReadOnlyList<LineView> Added, IReadOnlyList<string> Removed, int Units, int Pending);
