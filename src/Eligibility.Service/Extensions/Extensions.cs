using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Rules;
using Ivig.Eligibility.Grpc;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddMessaging("eligibility");
        builder.Services.AddGrpcDefaults();

        builder.Services.AddSingleton(RuleCatalogue.Default);
        builder.Services.AddSingleton<ListRulesQuery>();
    }

    public static void MapEligibilityApi(this WebApplication app)
    {
        app.MapGrpcService<EligibilityGrpcService>();
    }
}
