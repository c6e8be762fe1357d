using MediatR;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// A request that changes state in one database transaction, which <see cref="CommandTransactionBehavior{TRequest,TResponse}"/>
/// opens around its handler (and runs again from a fresh read when the database refuses it for contention); an
/// Idempotency-Key's answer is stored inside it. Endpoints send commands with <see cref="CommandSender"/>.
/// </summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;
