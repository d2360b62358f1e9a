using Ivig.Monitoring.Grpc;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddMessaging("monitoring");
        builder.Services.AddGrpcDefaults();
    }

    public static void MapMonitoringApi(this WebApplication app)
    {
        app.MapGrpcService<MonitoringGrpcService>();
    }
}
