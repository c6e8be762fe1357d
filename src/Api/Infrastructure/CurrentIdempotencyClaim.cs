namespace Restaurant.Api.Infrastructure;

/// <summary>
/// The Idempotency-Key claim of the request being served, if it has one: taken by <see cref="IdempotencyFilter"/>,
/// completed by <see cref="CommandTransactionBehavior{TRequest,TResponse}"/> with the command's answer inside the
/// command's transaction, so a stored answer always means the work was done, once. One per request (scoped).
/// </summary>
public sealed class CurrentIdempotencyClaim(IdempotencyStore store)
{
    private IdempotencyStore.Claim? _claim;
    private HttpContext? _http;
    private Func<object?, IResult>? _answer;

    public bool IsActive => _claim is not null;

    /// <summary>The answer stored for the claim, once completed: the first request sends it byte for byte as a repeat will.</summary>
    public IResult? Stored { get; private set; }

    public void Begin(IdempotencyStore.Claim claim, HttpContext http)
    {
        _claim = claim;
        _http = http;
    }

    /// <summary>How the endpoint answers the command's response (<see cref="CommandSender"/> says it before sending).</summary>
    public void AnswerWith(Func<object?, IResult> answer) => _answer = answer;

    /// <summary>Stores the answer to <paramref name="response"/> against the claim, if there is one; call it inside the transaction that did the work.</summary>
    public async Task CompleteAsync(object? response)
    {
        if (_claim is null) return;
        var answer = _answer ?? throw new InvalidOperationException("A command was sent without its answer: send commands with CommandSender.");
        Stored = await store.CompleteAsync(_claim, answer(response), _http!);
    }
}
