using Ivig.Gateway.Protection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Per-client rate limits, request size limits and CORS for configured front-end origins.</summary>
internal static class ProtectionExtensions
{
    public const string CorsPolicy = "front-ends";

    public static void AddGatewayProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayProtectionOptions.SectionName).Get<GatewayProtectionOptions>() ?? new();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.AddSingleton(new ClientRateLimiter(options));

        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(options.AllowedOrigins)
            .AllowAnyMethod()
            .WithHeaders("authorization", "content-type", "x-grpc-web", "x-user-agent", "grpc-timeout", "traceparent", "tracestate")
            .WithExposedHeaders("grpc-status", "grpc-message", "grpc-status-details-bin", "traceparent")));
    }

    public static void UseGatewayProtection(this WebApplication app)
    {
        app.UseCors(CorsPolicy);
        app.UseAuthentication();
        var limiter = app.Services.GetRequiredService<ClientRateLimiter>();
        app.Use((context, next) => limiter.TryAcquire(context) ? next(context) : RejectAsync(context));
        app.UseAuthorization();
    }

    /// <summary>gRPC callers get ResourceExhausted (a gRPC client reads a bare 429 as Unavailable); others 429.</summary>
    private static Task RejectAsync(HttpContext context)
    {
        var response = context.Response;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = context.Request.ContentType.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase)
                ? context.Request.ContentType
                : "application/grpc";
            response.Headers["grpc-status"] = "8";
            response.Headers["grpc-message"] = "Rate limit exceeded for this client; retry later.";
        }
        else
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = "1";
        }
        return Task.CompletedTask;
    }
}
