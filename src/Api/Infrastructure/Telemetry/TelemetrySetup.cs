using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Restaurant.Api.Infrastructure.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The standard variable: when set, traces and metrics go to this OTLP endpoint.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Turns the pipeline on without an exporter of its own, so that a test can attach the in-memory one.</summary>
    public const string EnabledSetting = "Telemetry:Enabled";

    /// <summary>
    /// JSON console logs outside Development (one object a line, with the scopes: request id, path, trace and span id),
    /// and OpenTelemetry traces and metrics, off unless <see cref="OtlpEndpointSetting"/> (or <see cref="EnabledSetting"/>) is set.
    /// </summary>
    public static WebApplicationBuilder AddRestaurantTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<RestaurantTelemetry>();
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });

        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        if (!exporting && !builder.Configuration.GetValue<bool>(EnabledSetting)) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("restaurant-api"))
            .WithTracing(tracing => tracing
                .AddSource(RestaurantTelemetry.Name)
                // Probes every few seconds would bury the requests that matter.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(RestaurantTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        // The exporter reads the endpoint, protocol, headers and service name from the standard OTEL_* variables.
        if (exporting) telemetry.UseOtlpExporter();
        return builder;
    }
}
