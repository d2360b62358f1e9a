using Grpc.Core;
using Ivig.Bench.Echo;
using Ivig.Monitoring.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ivig.Bench;

/// <summary>
/// The baseline for StreamVitals: a bare client-streaming gRPC service (Kestrel h2c on loopback, in
/// this process) that reads the same StreamVitalsRequest messages and answers with their count:
/// no authentication, thresholds, state or proxy. "StreamVitals ÷ echo" is what ingestion costs.
/// </summary>
internal static class EchoServer
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        await app.StartAsync();
        return (app, app.Urls.Select(u => new Uri(u)).First());
    }

    private sealed class EchoService : VitalsEcho.VitalsEchoBase
    {
        public override async Task<StreamVitalsResponse> Stream(IAsyncStreamReader<StreamVitalsRequest> requestStream, ServerCallContext context)
        {
            var accepted = 0;
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                if (requestStream.Current.Vitals is not null)
                {
                    accepted++;
                }
            }
            return new StreamVitalsResponse { Accepted = accepted };
        }
    }
}
