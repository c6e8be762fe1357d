using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// Every error status an operation can answer, each a problem whose <c>code</c> lists exactly that operation's codes:
/// those its own rules declare (<see cref="EndpointContract.Refuses"/>) and those that come with its kind of endpoint.
/// </summary>
public sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        foreach (var status in CodesOf(context).GroupBy(code => code.Status).OrderBy(group => group.Key))
        {
            operation.Responses[status.Key.ToString()] = new OpenApiResponse
            {
                Description = Describe(status.Key, status.DistinctBy(code => code.Code).ToList()),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemSchema.MediaType] = new() { Schema = ProblemSchema.For(context.Document!, status.Key, status.Select(code => code.Code)) },
                },
            };
        }
        return Task.CompletedTask;
    }

    private static IEnumerable<ProblemCode> CodesOf(OpenApiOperationTransformerContext context)
    {
        var endpoint = context.Description;
        var metadata = endpoint.ActionDescriptor.EndpointMetadata;
        var post = HttpMethods.IsPost(endpoint.HttpMethod ?? "");
        var write = post || HttpMethods.IsPut(endpoint.HttpMethod ?? "");
        var body = endpoint.ParameterDescriptions.Any(p => p.Source == BindingSource.Body);
        var query = endpoint.ParameterDescriptions.Any(p => p.Source == BindingSource.Query);

        // A POST's Idempotency-Key is checked too, so every POST can be a validation failure.
        if (body || query || post) yield return ProblemCatalog.ValidationFailed;
        if (metadata.OfType<IAuthorizeData>().Any())
        {
            yield return ProblemCatalog.Unauthorized;
            yield return ProblemCatalog.Forbidden;
        }
        foreach (var code in metadata.OfType<RefusalsMetadata>().SelectMany(refusals => refusals.Codes)) yield return code;
        if (post)
        {
            yield return ProblemCatalog.IdempotencyKeyInUse;
            yield return ProblemCatalog.IdempotencyKeyReused;
        }
        // The size limit is enforced even where the body is not read (Program.cs).
        if (write) yield return ProblemCatalog.PayloadTooLarge;
        if (body)
        {
            yield return ProblemCatalog.UnsupportedMediaType;
            yield return ProblemCatalog.RequestTimeout;
        }
        yield return ProblemCatalog.InternalError;
        yield return ProblemCatalog.ServiceUnavailable;
    }

    private static string Describe(int status, IReadOnlyList<ProblemCode> codes) =>
        $"{ReasonPhrases.GetReasonPhrase(status)}:\n\n" + string.Join("\n", codes.Select(code => $"- `{code.Code}`: {code.Meaning}"));
}
