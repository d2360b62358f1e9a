using Ivig.Gateway.BackendHealth;
using Ivig.Gateway.Proxy;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddGateway(this IHostApplicationBuilder builder)
    {
        // Routes and clusters come from configuration ("ReverseProxy"); destinations are service
        // names resolved by service discovery ("http://_grpc.eligibility" = the grpc endpoint).
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .FlushWatchStreamHeaders();

        builder.Services.AddGrpcClient<Grpc.Health.V1.Health.HealthClient>("eligibility", o => o.Address = new Uri("http://_grpc.eligibility"));
        builder.Services.AddGrpcClient<Grpc.Health.V1.Health.HealthClient>("dosing", o => o.Address = new Uri("http://_grpc.dosing"));
        builder.Services.AddGrpcClient<Grpc.Health.V1.Health.HealthClient>("monitoring", o => o.Address = new Uri("http://_grpc.monitoring"));
        builder.Services.AddHealthChecks()
            .AddTypeActivatedCheck<BackendHealthCheck>("eligibility", failureStatus: null, tags: ["backend"], args: ["eligibility"])
            .AddTypeActivatedCheck<BackendHealthCheck>("dosing", failureStatus: null, tags: ["backend"], args: ["dosing"])
            .AddTypeActivatedCheck<BackendHealthCheck>("monitoring", failureStatus: null, tags: ["backend"], args: ["monitoring"]);
    }
}
