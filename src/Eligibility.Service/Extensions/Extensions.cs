using Ivig.Eligibility.Grpc;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddMessaging("eligibility");
        builder.Services.AddGrpcDefaults();
    }

    public static void MapEligibilityApi(this WebApplication app)
    {
        app.MapGrpcService<EligibilityGrpcService>();
    }
}
