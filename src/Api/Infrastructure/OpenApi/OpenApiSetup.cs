using Microsoft.AspNetCore.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: the framework's description of the endpoints, made exact by the
/// transformers of this folder, one concern each.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddRestaurantOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaNames.For;
            options.AddSchemaTransformer<StrictNumbers>();
            options.AddSchemaTransformer<SchemaShapes>();
            options.AddOperationTransformer<Parameters>();
            options.AddOperationTransformer<ProblemResponses>();
            options.AddOperationTransformer<Headers>();
            options.AddOperationTransformer<MinimalAnswers>();
            options.AddOperationTransformer<Security>();
            options.AddOperationTransformer<StoryExamples>();
            options.AddDocumentTransformer<HealthPaths>();
            options.AddDocumentTransformer<EventStreamShapes>();
            options.AddDocumentTransformer<DocumentInfo>();
        });
}
