namespace Restaurant.Api.Infrastructure;

/// <summary>A refusal the API itself decides (not found, conflicts with other requests), with its problem code.</summary>
public sealed class ApiProblem(int status, string code, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    public static ApiProblem OrderNotFound(string orderId) =>
        new(StatusCodes.Status404NotFound, "order_not_found", $"There is no order '{orderId}'.");

    public static ApiProblem TableNotFound(string tableId) =>
        new(StatusCodes.Status404NotFound, "table_not_found", $"There is no table '{tableId}'.");

    /// <summary>The table holds an order that is neither paid nor cancelled; <paramref name="orderId"/> names it.</summary>
    public static ApiProblem TableBusy(string tableId, string orderId) => new(StatusCodes.Status409Conflict, "table_busy",
        $"Table {tableId} already has an order that is neither paid nor cancelled.", new Dictionary<string, object?> { ["orderId"] = orderId });

    public static ApiProblem Conflict(string code, string detail) => new(StatusCodes.Status409Conflict, code, detail);
}
