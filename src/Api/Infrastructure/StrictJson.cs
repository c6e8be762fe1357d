using System.Text.Json.Serialization;

namespace Restaurant.Api.Infrastructure;

public static class StrictJson
{
    /// <summary>
    /// Request bodies are read as docs/api.md writes them: a number sent as a string ("2") and a key sent twice are
    /// malformed (the web defaults accept the first and keep the last of the second), so both reach
    /// <see cref="ApiExceptionHandler"/> as a validation failure naming the field.
    /// </summary>
    public static IServiceCollection AddStrictJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.AllowDuplicateProperties = false;
        });
}
