using MediatR;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// How an endpoint sends a command: only a request that carries its transaction (<see cref="ICommand{TResponse}"/>,
/// <see cref="ISteppedCommand{TResponse}"/>) can be sent, and the endpoint's answer is given with it, so that the
/// command's transaction can store it for an Idempotency-Key (<see cref="CurrentIdempotencyClaim"/>).
/// </summary>
public sealed class CommandSender(IMediator mediator, CurrentIdempotencyClaim idempotency)
{
    public Task<TAnswer> SendAsync<TResponse, TAnswer>(ICommand<TResponse> command, Func<TResponse, TAnswer> answer, CancellationToken ct)
        where TAnswer : IResult => SendRequestAsync(command, answer, ct);

    public Task<TAnswer> SendAsync<TResponse, TAnswer>(ISteppedCommand<TResponse> command, Func<TResponse, TAnswer> answer, CancellationToken ct)
        where TAnswer : IResult => SendRequestAsync(command, answer, ct);

    private async Task<TAnswer> SendRequestAsync<TResponse, TAnswer>(IRequest<TResponse> command, Func<TResponse, TAnswer> answer, CancellationToken ct)
        where TAnswer : IResult
    {
        idempotency.AnswerWith(response => answer((TResponse)response!));
        return answer(await mediator.Send(command, ct));
    }
}
