using Yarp.ReverseProxy.Forwarder;

namespace Ivig.Gateway.Proxy;

/// <summary>
/// When the gateway cannot reach a backend (stopped, restarting, refusing connections, timed out),
/// a gRPC caller gets a proper gRPC answer, Unavailable, rather than a bare HTTP 502/504 that client
/// libraries read in different ways. Unavailable tells a client the call did not happen here and may
/// be retried.
/// </summary>
public static class GrpcProxyErrors
{
    public static IReverseProxyApplicationBuilder UseGrpcUnavailableOnProxyError(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            if (context.GetForwarderErrorFeature() is not null && !context.Response.HasStarted
                && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
            {
                // A trailers-only gRPC response: HTTP 200 with the status in the headers.
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = context.Request.ContentType;
                context.Response.Headers["grpc-status"] = "14";
                context.Response.Headers["grpc-message"] = "The service is unavailable; retry.";
            }
        });
        return proxy;
    }
}
