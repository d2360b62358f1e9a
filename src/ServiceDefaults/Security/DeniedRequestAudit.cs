using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ivig.ServiceDefaults.Security;

/// <summary>
/// Records every request refused for authentication or authorization: who (the token's subject, if
/// any), which operation, the outcome and the trace id. Never the body or query: no patient data.
/// </summary>
public sealed class DeniedRequestAudit(RequestDelegate next, ILogger<DeniedRequestAudit> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var grpcStatus = context.Response.Headers["grpc-status"].ToString();
        if (context.Response.Trailers() is { } trailers && string.IsNullOrEmpty(grpcStatus))
        {
            grpcStatus = trailers["grpc-status"].ToString();
        }
        var denied = context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
            || grpcStatus is "16" or "7"; // Unauthenticated, PermissionDenied
        if (denied)
        {
            logger.LogWarning("Access denied: {Operation} for subject {Subject} ({Outcome}), trace {TraceId}",
                context.Request.Path.Value,
                context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "(no valid token)",
                grpcStatus is "7" || context.Response.StatusCode == StatusCodes.Status403Forbidden ? "forbidden" : "unauthenticated",
                System.Diagnostics.Activity.Current?.TraceId.ToString());
        }
    }
}

internal static class TrailerAccess
{
    public static IHeaderDictionary? Trailers(this HttpResponse response) =>
        response.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers;
}
