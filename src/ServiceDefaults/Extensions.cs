using Grpc.AspNetCore.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

// Cross-cutting defaults every service of the suite takes: telemetry, health, discovery, resilience.
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";
    private const int MaxReceiveMessageBytes = 1024 * 1024;

    // Activity sources beyond the built-in instrumentation: MassTransit publishes and consumes
    // on "MassTransit"; the Redis client integration traces through its own instrumentation.
    private static readonly string[] ExtraTraceSources = ["MassTransit"];
    private static readonly string[] ExtraMeters = ["MassTransit", "Ivig.*"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddSuiteAuthentication();
        builder.Services.AddServiceDiscovery();

        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Resilience is added per client (AddStandardResilience) for unary HTTP calls only:
            // its total-request timeout would cut long-lived gRPC streams.
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Query strings can carry a patient reference (GET /v1/eligibility/assessments?patientReference=):
        // keep them redacted in spans even where a development orchestrator turns redaction off.
        builder.Configuration["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"] = "false";
        builder.Configuration["OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"] = "false";

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ExtraMeters))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(ExtraTraceSources)
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes would drown the traces that matter.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// gRPC server defaults: the rich-error interceptor, the standard gRPC health service
    /// (backed by the ASP.NET Core health checks) and reflection for Development tools such as grpcurl.
    /// </summary>
    public static IServiceCollection AddGrpcDefaults(this IServiceCollection services, Action<Grpc.AspNetCore.Server.GrpcServiceOptions>? configure = null)
    {
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<Ivig.ServiceDefaults.Grpc.ExceptionMappingInterceptor>();
            options.EnableDetailedErrors = false;
            // No legitimate request is near this; a larger one is refused with ResourceExhausted.
            options.MaxReceiveMessageSize = MaxReceiveMessageBytes;
            configure?.Invoke(options);
        })
        // JSON over HTTP for browsers and integrations, from the google.api.http options in the protos.
        // The type registry lets JSON errors carry the same google.rpc details as gRPC ones.
        .AddJsonTranscoding(json => json.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
            Google.Rpc.BadRequest.Descriptor, Google.Rpc.PreconditionFailure.Descriptor, Google.Rpc.ResourceInfo.Descriptor));
        services.AddGrpcHealthChecks();
        services.AddGrpcReflection();
        // The OpenAPI document of the JSON routes (gateway: /openapi/<service>.json).
        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger => swagger.SwaggerDoc("v1", new Microsoft.OpenApi.Models.OpenApiInfo
        {
            Title = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "IVIG suite",
            Version = "v1",
            Description = "JSON transcoding of the service's gRPC contract (protos/ivig). Every call needs a bearer token.",
        }));
        return services;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Health endpoints are served on every endpoint; the HTTP/1.1 one is what probes use,
        // since the gRPC endpoint speaks HTTP/2 only (cleartext h2c has no protocol negotiation).
        // Probes carry no token and reveal only "Healthy"/"Unhealthy".
        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        return app;
    }

    /// <summary>Maps the standard gRPC health service, and reflection in Development.</summary>
    public static WebApplication MapGrpcDefaults(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }
        return app;
    }

    /// <summary>
    /// The request pipeline of a gRPC service: denied requests audited, gRPC-Web accepted for
    /// browsers (translated before routing reaches the service), then authentication and authorization.
    /// </summary>
    public static WebApplication UseServicePipeline(this WebApplication app)
    {
        app.UseMiddleware<Ivig.ServiceDefaults.Security.DeniedRequestAudit>();
        // The contract itself is public (it is in the repository); served before authentication.
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        app.UseRouting();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
