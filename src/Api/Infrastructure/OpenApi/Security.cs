using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Restaurant.Api.Infrastructure.OpenApi;

/// <summary>
/// The two bearer credentials (<see cref="Access"/>) as security schemes, and on each operation the ones it takes, so
/// that /docs can authorize with either. Operations that need neither say so with an empty list.
/// </summary>
public sealed class Security : IOpenApiOperationTransformer
{
    public const string DinerToken = "dinerToken";
    public const string StaffKey = "staffKey";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        Register(document);
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        string[][] alternatives = policies.Contains(Access.StaffOnly) ? [[StaffKey]]
            : policies.Contains(Access.OrderHolder) ? [[DinerToken], [StaffKey]]
            : [];
        operation.Security = alternatives.Select(schemes => Requirement(document, schemes)).ToList();
        return Task.CompletedTask;
    }

    /// <summary>The schemes, once per document.</summary>
    public static void Register(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(DinerToken, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "opaque",
            Description = "A diner's access token: `POST /orders` returns it once, as `accessToken`. It may read, change, " +
                          "submit, bill and pay by card that one order.",
        });
        document.Components.SecuritySchemes.TryAdd(StaffKey, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "opaque",
            Description = "A staff key from the configuration (`Restaurant:StaffKeys`; in Development with none configured, " +
                          "`dev-staff-key`). It may do everything a diner may, on any order, and the staff-only calls.",
        });
    }

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, IEnumerable<string> schemes)
    {
        var requirement = new OpenApiSecurityRequirement();
        foreach (var scheme in schemes) requirement[new OpenApiSecuritySchemeReference(scheme, document)] = [];
        return requirement;
    }
}
