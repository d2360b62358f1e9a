using Ivig.Monitoring.Features.Infusions;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.Infrastructure;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddMessaging("monitoring");
        builder.Services.AddGrpcDefaults();

        builder.Services.AddSingleton<InfusionStore>();
        builder.Services.AddSingleton<ListActiveInfusionsQuery>();
    }

    public static void MapMonitoringApi(this WebApplication app)
    {
        app.MapGrpcService<MonitoringGrpcService>();
    }
}
