using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Ivig.Bench;

/// <summary>
/// The baseline for the gateway: a bare YARP hop (h2c in, h2c out, no authentication, limits or
/// logging) to the same service endpoint, so "gateway ÷ bare proxy" is what our policies cost.
/// </summary>
internal static class BareProxy
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Uri backend)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "/{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "backend",
                HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
                Destinations = new Dictionary<string, DestinationConfig> { ["d"] = new() { Address = backend.ToString() } },
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        var address = app.Urls.Select(u => new Uri(u)).First();
        return (app, address);
    }
}
