using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Ivig.Gateway.Proxy;

/// <summary>
/// A watch stream (WatchAlerts, WatchInfusion) answers with its headers at once and its first message
/// maybe hours later. The proxy would hold those headers until the first message, so a client could not
/// tell "connected, nothing yet" from "not connected": for the suite's server-streaming methods (named
/// Watch*) the gateway sends the headers on as soon as the service has sent them. Unary calls are left
/// alone (their headers travel with the message, in one write).
/// </summary>
internal static class StreamingHeaders
{
    public static IReverseProxyBuilder FlushWatchStreamHeaders(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(context =>
        {
            if (context.Route.Match.Path?.StartsWith("/ivig.", StringComparison.Ordinal) != true)
            {
                return;
            }
            context.AddResponseTransform(async transform =>
            {
                var path = transform.HttpContext.Request.Path.Value ?? "";
                var method = path[(path.LastIndexOf('/') + 1)..];
                if (transform.ProxyResponse is { IsSuccessStatusCode: true } && method.StartsWith("Watch", StringComparison.Ordinal)
                    && !transform.HttpContext.Response.HasStarted)
                {
                    // Starting the response only commits the headers; the flush sends them.
                    await transform.HttpContext.Response.StartAsync(transform.CancellationToken);
                    await transform.HttpContext.Response.Body.FlushAsync(transform.CancellationToken);
                }
            });
        });
}
