namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>The refusals an endpoint's own rules can answer, beyond those every endpoint of its kind can (see <see cref="ProblemResponses"/>).</summary>
public sealed record RefusalsMetadata(IReadOnlyList<ProblemCode> Codes);

/// <summary>An endpoint that sends an <c>ETag</c> and answers a matching <c>If-None-Match</c> with 304.</summary>
public sealed record ConditionalGetMetadata;

/// <summary>An endpoint that honours <c>Prefer: return=minimal</c> with a 200 of <see cref="Shape"/> (<see cref="ReturnPreference"/>).</summary>
public sealed record MinimalAnswerMetadata(Type Shape);

public static class EndpointContract
{
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder endpoint, params ProblemCode[] codes) =>
        endpoint.WithMetadata(new RefusalsMetadata(codes));

    public static RouteHandlerBuilder AnswersMinimal<TShape>(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new MinimalAnswerMetadata(typeof(TShape)));

    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new ConditionalGetMetadata());
}
