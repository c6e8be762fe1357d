using MediatR;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// A request that changes state in several transactions it commits itself (a payment: its write-ahead, then each card's
/// outcome; a bill: priced outside every lock, then frozen). An Idempotency-Key's answer is stored once it has finished.
/// </summary>
public interface ISteppedCommand<out TResponse> : IRequest<TResponse>;
